"use client";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { type FormEvent, useMemo, useState, useSyncExternalStore } from "react";
import { formatCost } from "@/lib/format/format-cost";
import { formatDuration } from "@/lib/format/format-duration";
import { Button } from "@/components/ui/button";
import { Badge, EmptyState, Skeleton } from "@/components/ui/card";
import { FieldError, Input, Label, Select } from "@/components/ui/input";
import { Table, Td } from "@/components/ui/table";
import { formatDateTime, formatRelative } from "@/lib/format/format-date";
import type { SessionFilters } from "@/lib/queries/sessions/keys";
import { useSessionsQuery } from "@/lib/queries/sessions/use-sessions-query";

const RANGES: Record<string, { label: string; ms: number | null }> = {
  "24h": { label: "Last 24 hours", ms: 86_400_000 },
  "7d": { label: "Last 7 days", ms: 7 * 86_400_000 },
  "30d": { label: "Last 30 days", ms: 30 * 86_400_000 },
  all: { label: "All time", ms: null },
};
const noopSubscribe = () => () => {};

/** Filters live in the URL (`range`, `user`) so a link reproduces the list. */
function useSessionsUrlState() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const range = RANGES[params.get("range") ?? ""] ? params.get("range")! : "7d";
  const user = params.get("user") ?? "";
  const set = (patch: { range?: string; user?: string }) => {
    const next = new URLSearchParams(params.toString());
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    router.replace(`${pathname}?${next.toString()}`, { scroll: false });
  };
  return { range, user, set };
}

export function SessionsClient({ projectId }: { projectId: string }) {
  // "Last 7 days" depends on the browser's clock: render in the browser only.
  const mounted = useSyncExternalStore(noopSubscribe, () => true, () => false);
  return mounted ? <Sessions projectId={projectId} /> : <Skeleton className="h-64 w-full" />;
}

function Sessions({ projectId }: { projectId: string }) {
  const { range, user, set } = useSessionsUrlState();
  const [userDraft, setUserDraft] = useState(user);
  const filters = useMemo<SessionFilters>(() => {
    const ms = RANGES[range]!.ms;
    // Rounded to the minute so the query key stays stable across re-renders.
    const from = ms === null ? undefined : new Date(Math.floor((Date.now() - ms) / 60_000) * 60_000).toISOString();
    return { ...(from ? { from } : {}), ...(user ? { userId: user } : {}) };
  }, [range, user]);
  const q = useSessionsQuery(projectId, filters);
  const sessions = q.data?.pages.flatMap((p) => p.data) ?? [];
  const onUser = (e: FormEvent) => {
    e.preventDefault();
    set({ user: userDraft.trim() });
  };

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">Sessions</h1>
        <p className="text-sm text-zinc-500">Traces grouped by session id, most recently active first. Open one to read the conversation in order.</p>
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <Label htmlFor="sessions-range">Last activity</Label>
          <Select id="sessions-range" data-testid="sessions-range" value={range} onChange={(e) => set({ range: e.target.value })}>
            {Object.entries(RANGES).map(([k, r]) => <option key={k} value={k}>{r.label}</option>)}
          </Select>
        </div>
        <form onSubmit={onUser} className="flex items-end gap-2">
          <div>
            <Label htmlFor="sessions-user">User</Label>
            <Input id="sessions-user" data-testid="sessions-user" placeholder="user id" value={userDraft} onChange={(e) => setUserDraft(e.target.value)} />
          </div>
          <Button type="submit" variant="secondary">Filter</Button>
          {user && <Button variant="ghost" onClick={() => (setUserDraft(""), set({ user: "" }))}>Clear</Button>}
        </form>
      </div>
      {q.isPending ? (
        <Skeleton className="h-64 w-full" />
      ) : q.isError ? (
        <FieldError>{q.error.message}</FieldError>
      ) : sessions.length === 0 ? (
        <EmptyState title="No sessions in this range">
          Sessions appear when traces carry a session id: set <code>sessionId</code> in the SDK or batch API, or the <code>session.id</code> attribute with OpenTelemetry.
          {user || range !== "all" ? " Try a longer range or clear the user filter." : ""}
        </EmptyState>
      ) : (
        <div className="rounded-lg border border-zinc-200 bg-white p-2 dark:border-zinc-800 dark:bg-zinc-900">
          <Table head={["Session", "User", "Traces", "Started", "Last activity", "Duration", "Cost", "Errors"]}>
            {sessions.map((s) => (
              <tr key={s.sessionId} data-testid="session-row" data-session-id={s.sessionId}>
                <Td><Link className="break-all font-mono text-xs text-indigo-600 hover:underline dark:text-indigo-400" href={`/project/${projectId}/sessions/${encodeURIComponent(s.sessionId)}`}>{s.sessionId}</Link></Td>
                <Td className="text-xs">{s.userId ?? "—"}{s.userCount > 1 && <span className="text-zinc-400"> +{s.userCount - 1}</span>}</Td>
                <Td className="tabular-nums">{s.traceCount}</Td>
                <Td className="whitespace-nowrap text-xs text-zinc-500">{formatDateTime(s.firstActivity)}</Td>
                <Td className="whitespace-nowrap text-xs"><span title={formatDateTime(s.lastActivity)}>{formatRelative(s.lastActivity)}</span></Td>
                <Td className="whitespace-nowrap text-xs tabular-nums">{formatDuration(new Date(s.lastEnd).getTime() - new Date(s.firstActivity).getTime())}</Td>
                <Td className="tabular-nums text-xs">{formatCost(s.totalCost)}</Td>
                <Td>{s.errorTraces > 0 ? <Badge tone="red">{s.errorTraces}</Badge> : <span className="text-xs text-zinc-400">0</span>}</Td>
              </tr>
            ))}
          </Table>
          {q.hasNextPage && (
            <div className="p-2 text-center">
              <Button variant="secondary" size="sm" onClick={() => q.fetchNextPage()} disabled={q.isFetchingNextPage}>{q.isFetchingNextPage ? "Loading…" : "Load more"}</Button>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
