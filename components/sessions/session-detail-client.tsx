"use client";
import Link from "next/link";
import { ChatView } from "@/components/traces/detail/chat-view";
import { formatCost } from "@/lib/format/format-cost";
import { formatDuration } from "@/lib/format/format-duration";
import { formatScoreValue } from "@/lib/format/format-score";
import { RichText } from "@/components/traces/detail/rich-text";
import { Button } from "@/components/ui/button";
import { Badge, EmptyState, Skeleton } from "@/components/ui/card";
import { FieldError } from "@/components/ui/input";
import { formatDateTime } from "@/lib/format/format-date";
import { ApiError } from "@/lib/queries/query-client";
import type { SessionTrace } from "@/lib/queries/sessions/keys";
import { useSessionQuery } from "@/lib/queries/sessions/use-session-query";
import { turnMessages } from "./conversation-turn";

export function SessionDetailClient({ projectId, sessionId }: { projectId: string; sessionId: string }) {
  const q = useSessionQuery(projectId, sessionId);
  if (q.isPending) return <div className="space-y-3" data-testid="session-loading"><Skeleton className="h-20 w-full" /><Skeleton className="h-40 w-full" /><Skeleton className="h-40 w-full" /></div>;
  if (q.isError) {
    if (q.error instanceof ApiError && q.error.status === 404) {
      return (
        <EmptyState title="Session not found">
          No traces with session id <code className="break-all font-mono">{sessionId}</code> in this project. <Link className="text-indigo-600 hover:underline" href={`/project/${projectId}/sessions`}>All sessions</Link>
        </EmptyState>
      );
    }
    return <FieldError>{q.error.message}</FieldError>;
  }
  const first = q.data.pages[0]!;
  const traces = q.data.pages.flatMap((p) => p.traces);
  return (
    <div className="space-y-4" data-testid="session-detail">
      <section className="rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
        <p className="text-xs text-zinc-500"><Link className="hover:underline" href={`/project/${projectId}/sessions`}>Sessions</Link> /</p>
        <h1 className="break-all font-mono text-lg font-semibold" data-testid="session-id">{sessionId}</h1>
        <dl className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-sm">
          <div><dt className="inline text-zinc-500">Traces </dt><dd className="inline tabular-nums">{first.traceCount}</dd></div>
          <div><dt className="inline text-zinc-500">Users </dt><dd className="inline">{first.userIds.join(", ") || "—"}</dd></div>
          <div><dt className="inline text-zinc-500">From </dt><dd className="inline">{formatDateTime(first.firstActivity)}</dd></div>
          <div><dt className="inline text-zinc-500">To </dt><dd className="inline">{formatDateTime(first.lastEnd)}</dd></div>
          <div><dt className="inline text-zinc-500">Cost </dt><dd className="inline tabular-nums">{formatCost(first.totalCost)}</dd></div>
          <div><dt className="inline text-zinc-500">Errors </dt><dd className="inline">{first.errorTraces > 0 ? <Badge tone="red">{first.errorTraces}</Badge> : 0}</dd></div>
        </dl>
      </section>
      <ol className="space-y-3">
        {traces.map((t, i) => <Turn key={t.id} projectId={projectId} trace={t} index={i + 1} />)}
      </ol>
      {q.hasNextPage && (
        <div className="text-center">
          <Button variant="secondary" size="sm" onClick={() => q.fetchNextPage()} disabled={q.isFetchingNextPage}>{q.isFetchingNextPage ? "Loading…" : "Load later turns"}</Button>
        </div>
      )}
    </div>
  );
}

function Turn({ projectId, trace: t, index }: { projectId: string; trace: SessionTrace; index: number }) {
  const { input, output } = turnMessages(t.input, t.output);
  return (
    <li className="rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900" data-testid="session-turn" data-trace-id={t.id} data-start={t.startTime}>
      <header className="flex flex-wrap items-center gap-2 border-b border-zinc-200 px-4 py-2 text-xs dark:border-zinc-800">
        <span className="text-zinc-400">#{index}</span>
        <Link className="font-medium text-indigo-600 hover:underline dark:text-indigo-400" data-testid="session-trace-link" href={`/project/${projectId}/traces/${encodeURIComponent(t.id)}`}>
          {t.name ?? "(unnamed trace)"}
        </Link>
        <span className="text-zinc-500">{formatDateTime(t.startTime)}</span>
        <span className="tabular-nums text-zinc-500">{formatDuration(t.latencyMs)}</span>
        <span className="tabular-nums text-zinc-500">{formatCost(t.totalCost)}</span>
        {t.models.length > 0 && <span className="text-zinc-400">{t.models.join(", ")}</span>}
        {t.status === "error" ? <Badge tone="red">error</Badge> : <Badge tone="green">ok</Badge>}
        {t.userId && <span className="text-zinc-400">user {t.userId}</span>}
      </header>
      <div className="space-y-2 p-4">
        {input.length > 0 ? <ChatView messages={input} /> : <p className="text-xs italic text-zinc-400">(no input)</p>}
        {output.length > 0 ? <ChatView messages={output} /> : t.status !== "error" && <p className="text-xs italic text-zinc-400">(no output)</p>}
        {t.status === "error" && (
          <p role="status" className="rounded-md border border-red-200 bg-red-50 px-3 py-1.5 text-xs text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200" data-testid="session-turn-error">
            <RichText text={t.errorMessage ?? "The trace failed (no error message)."} />
          </p>
        )}
        {t.scores.length > 0 && (
          <ul className="space-y-1 pt-1" data-testid="session-feedback">
            {t.scores.map((s) => (
              <li key={s.id} className="flex flex-wrap items-baseline gap-2 text-xs">
                <Badge tone={s.dataType === "BOOLEAN" && s.value === false ? "red" : "indigo"}>{s.name}: {formatScoreValue(s.value, s.dataType, s.name)}</Badge>
                {s.comment && <span className="text-zinc-600 dark:text-zinc-300"><RichText text={s.comment} /></span>}
              </li>
            ))}
          </ul>
        )}
      </div>
    </li>
  );
}
