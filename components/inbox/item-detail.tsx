"use client";
import { AlertTriangle, ExternalLink, Star } from "lucide-react";
import Link from "next/link";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/card";
import { FieldError, Select } from "@/components/ui/input";
import { formatDateTime, formatRelative } from "@/lib/format/format-date";
import { formatCost } from "@/lib/format/format-cost";
import { formatDuration } from "@/lib/format/format-duration";
import { useMembersQuery } from "@/lib/queries/members/use-members-query";
import type { TriageChange, TriageItemDetail, UserRef } from "@/lib/queries/triage/keys";
import { useAddTriageComment } from "@/lib/queries/triage/use-add-triage-comment";
import { useTriageItemQuery } from "@/lib/queries/triage/use-triage-item-query";
import { allowedTransitions, type TriageStatus } from "@/lib/triage/status";
import { inboxToast } from "./inbox-toast";
import { ReasonBadges, StatusBadge } from "./reason-badges";

const ACTION_LABELS: Record<TriageStatus, string> = { open: "Reopen", investigating: "Investigate", resolved: "Resolve", ignored: "Ignore" };

type Props = {
  projectId: string;
  itemId: string | null;
  canUpdate: boolean;
  traceHref: (traceId: string) => string;
  promoteHref: (item: { id: string; traceId: string }) => string;
  onChange: (itemId: string, change: TriageChange, assignee?: UserRef | null) => void;
};

/** The selected item: trace summary, reasons, status actions, assignee and the comment thread. */
export function ItemDetail({ projectId, itemId, ...rest }: Props) {
  const item = useTriageItemQuery(projectId, itemId);
  if (!itemId) return <p className="p-6 text-sm text-zinc-500">Select an item (j / k) to see its trace and comments.</p>;
  if (item.isPending) return <div className="space-y-3 p-4"><Skeleton className="h-6 w-2/3" /><Skeleton className="h-24 w-full" /><Skeleton className="h-24 w-full" /></div>;
  if (item.isError) return <div className="p-4"><FieldError>{item.error.message}</FieldError></div>;
  return <Detail projectId={projectId} item={item.data} {...rest} />;
}

function Detail({ projectId, item, canUpdate, traceHref, promoteHref, onChange }: Omit<Props, "itemId"> & { item: TriageItemDetail }) {
  const t = item.trace;
  return (
    <div className="space-y-4 p-4 text-sm" data-testid="inbox-detail">
      <div className="flex items-start gap-2">
        <div className="min-w-0 flex-1">
          <h2 className="truncate text-base font-semibold">{t?.name ?? "(unnamed trace)"}</h2>
          <p className="font-mono text-xs text-zinc-500">{item.traceId}</p>
        </div>
        <StatusBadge status={item.status} />
      </div>
      <div className="flex flex-wrap gap-2">
        <Link href={traceHref(item.traceId)} className="inline-flex h-7 items-center gap-1 rounded-md border border-zinc-300 px-2.5 text-xs font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">
          <ExternalLink className="h-3.5 w-3.5" /> Open trace <kbd className="ml-1 text-zinc-400">↵</kbd>
        </Link>
        {canUpdate && (
          <Link href={promoteHref(item)} className="inline-flex h-7 items-center gap-1 rounded-md border border-zinc-300 px-2.5 text-xs font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">
            <Star className="h-3.5 w-3.5" /> Promote to golden set <kbd className="ml-1 text-zinc-400">g</kbd>
          </Link>
        )}
        {canUpdate &&
          allowedTransitions(item.status).map((s) => (
            <Button key={s} size="sm" variant={s === "resolved" ? "primary" : "secondary"} onClick={() => onChange(item.id, { status: s })}>
              {ACTION_LABELS[s]}
            </Button>
          ))}
      </div>
      {item.firstError && (
        <div role="status" data-testid="inbox-error" className="flex gap-2 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200">
          <AlertTriangle className="mt-0.5 h-4 w-4 shrink-0" />
          <p className="min-w-0 whitespace-pre-wrap break-words">
            <Link href={`${traceHref(item.traceId)}?span=${encodeURIComponent(item.firstError.spanId)}`} className="font-medium underline-offset-2 hover:underline" title="Open the trace at this span">
              {item.firstError.name}
            </Link>
            {": "}
            {item.firstError.message ?? "ended with an error (no message)"}
          </p>
        </div>
      )}
      {item.faithfulness && (
        <div data-testid="inbox-unsupported" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-100">
          <p className="text-xs font-medium">
            <Link href={`${traceHref(item.traceId)}${item.faithfulness.spanId ? `?span=${encodeURIComponent(item.faithfulness.spanId)}` : ""}`} className="underline-offset-2 hover:underline" data-testid="inbox-faithfulness-link" title="Open the trace at the answer, with the unsupported sentences marked">
              {item.faithfulness.name} {item.faithfulness.value.toFixed(2)}
            </Link>
            {" — "}{item.faithfulness.unsupported.length} of {item.faithfulness.statementCount} statements not supported by the retrieved passages:
          </p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5 text-xs">
            {item.faithfulness.unsupported.map((u, i) => (
              <li key={i} data-testid="inbox-unsupported-statement"><span className="font-medium">{u.text}</span>{u.reason && <span className="text-amber-800/80 dark:text-amber-200/80"> — {u.reason}</span>}</li>
            ))}
          </ul>
        </div>
      )}
      <dl className="grid grid-cols-[7rem_1fr] gap-x-3 gap-y-1 text-xs">
        <dt className="text-zinc-500">Reasons</dt><dd><ReasonBadges reasons={item.reasons} /></dd>
        <dt className="text-zinc-500">In inbox since</dt><dd title={formatDateTime(item.createdAt)}>{formatRelative(item.createdAt)}</dd>
        {item.resolvedAt && (<><dt className="text-zinc-500">Resolved</dt><dd>{formatDateTime(item.resolvedAt)}</dd></>)}
        <dt className="text-zinc-500">Assignee</dt>
        <dd><Assignee projectId={projectId} item={item} canUpdate={canUpdate} onChange={onChange} /></dd>
        {t && (
          <>
            <dt className="text-zinc-500">Started</dt><dd>{formatDateTime(t.startTime)}</dd>
            <dt className="text-zinc-500">Latency</dt><dd className="tabular-nums">{formatDuration(t.latencyMs)}</dd>
            <dt className="text-zinc-500">Cost</dt><dd className="tabular-nums">{formatCost(t.totalCost)}</dd>
            <dt className="text-zinc-500">Models</dt><dd>{t.models.length ? t.models.join(", ") : "—"}</dd>
            <dt className="text-zinc-500">Trace status</dt><dd className={t.status === "error" ? "text-red-600" : undefined}>{t.status}</dd>
            {t.userId && (<><dt className="text-zinc-500">User</dt><dd>{t.userId}</dd></>)}
          </>
        )}
      </dl>
      {t ? (
        <>
          <TextBlock label="Input" text={t.inputPreview} />
          <TextBlock label="Output" text={t.outputPreview} empty={t.status === "error" ? "— (no output: the trace ended with an error)" : undefined} />
        </>
      ) : (
        <p className="text-xs text-zinc-500">The trace is no longer stored (retention); the item keeps its history.</p>
      )}
      <Comments projectId={projectId} item={item} canUpdate={canUpdate} />
    </div>
  );
}

/** Trace content is shown as text only — React escapes it; nothing in a trace becomes markup. */
function TextBlock({ label, text, empty = "—" }: { label: string; text: string | null; empty?: string }) {
  return (
    <div>
      <div className="mb-1 text-xs font-medium text-zinc-500">{label}</div>
      <pre className="max-h-40 overflow-auto whitespace-pre-wrap break-words rounded-md bg-zinc-50 p-2 font-sans text-xs dark:bg-zinc-950" data-testid={`inbox-${label.toLowerCase()}`}>
        {text ?? <span className="text-zinc-500">{empty}</span>}
      </pre>
    </div>
  );
}

function Assignee({ projectId, item, canUpdate, onChange }: { projectId: string; item: TriageItemDetail; canUpdate: boolean; onChange: Props["onChange"] }) {
  const members = useMembersQuery(projectId);
  if (!canUpdate) return <span>{item.assignee ? (item.assignee.name ?? item.assignee.email) : "Unassigned"}</span>;
  const list = (members.data ?? []).filter((m) => m.role !== "annotator");
  return (
    <Select
      aria-label="Assign to"
      className="h-7 w-56 text-xs"
      value={item.assignee?.id ?? ""}
      onChange={(e) => {
        const id = e.target.value || null;
        const m = list.find((x) => x.userId === id);
        onChange(item.id, { assigneeId: id }, m ? { id: m.userId, name: m.name, email: m.email } : null);
      }}
    >
      <option value="">Unassigned</option>
      {item.assignee && !list.some((m) => m.userId === item.assignee!.id) && <option value={item.assignee.id}>{item.assignee.name ?? item.assignee.email}</option>}
      {list.map((m) => (
        <option key={m.userId} value={m.userId}>{m.name ? `${m.name} (${m.email})` : m.email}</option>
      ))}
    </Select>
  );
}

function Comments({ projectId, item, canUpdate }: { projectId: string; item: TriageItemDetail; canUpdate: boolean }) {
  const add = useAddTriageComment(projectId, item.id);
  const [body, setBody] = useState("");
  function submit(e?: FormEvent) {
    e?.preventDefault();
    if (!body.trim()) return;
    add.mutate(body, { onSuccess: () => (setBody(""), inboxToast.success("Comment added")), onError: (err) => inboxToast.error(err.message) });
  }
  return (
    <section aria-label="Comments">
      <h3 className="mb-2 text-xs font-medium text-zinc-500">Comments ({item.comments.length})</h3>
      <ol className="space-y-2">
        {item.comments.map((c) => (
          <li key={c.id} className="rounded-md border border-zinc-200 p-2 dark:border-zinc-800" data-testid="inbox-comment">
            <div className="mb-0.5 text-xs text-zinc-500">
              <span className="font-medium text-zinc-700 dark:text-zinc-300">{c.author ? (c.author.name ?? c.author.email) : "(removed user)"}</span> · <span title={formatDateTime(c.createdAt)}>{formatRelative(c.createdAt)}</span>
            </div>
            <p className="whitespace-pre-wrap break-words">{c.body}</p>
          </li>
        ))}
      </ol>
      {canUpdate && (
        <form onSubmit={submit} className="mt-2 space-y-2">
          <textarea
            aria-label="Add a comment"
            value={body}
            onChange={(e) => setBody(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) submit();
            }}
            rows={3}
            placeholder="What did you find? (Ctrl+Enter to send)"
            className="w-full rounded-md border border-zinc-300 bg-white p-2 text-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500/20 dark:border-zinc-700 dark:bg-zinc-900"
          />
          <Button type="submit" size="sm" disabled={add.isPending || !body.trim()}>{add.isPending ? "Sending…" : "Comment"}</Button>
        </form>
      )}
    </section>
  );
}
