"use client";
import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/card";
import type { Role } from "@/lib/auth/permissions";
import { formatDateTime } from "@/lib/format/format-date";
import type { TraceDetail } from "@/lib/queries/traces/trace-detail";
import { formatCost } from "@/lib/format/format-cost";
import { formatTokens } from "@/lib/format/format-count";
import { formatDuration } from "@/lib/format/format-duration";
import { TraceActions } from "./trace-actions";

function Field({ label, children, testId, wide }: { label: string; children: ReactNode; testId?: string; wide?: boolean }) {
  return (
    <div className={wide ? "col-span-2 min-w-0" : "min-w-0"}>
      <dt className="text-[11px] font-medium uppercase tracking-wide text-zinc-500">{label}</dt>
      {/* Values wrap rather than truncate: a cut-off date or prompt name is worse than a taller header. */}
      <dd className="text-sm [overflow-wrap:anywhere]" data-testid={testId}>{children}</dd>
    </div>
  );
}

export function TraceHeader({ projectId, trace, selectedSpanId, role }: { projectId: string; trace: TraceDetail; selectedSpanId: string | null; role?: Role }) {
  const none = <span className="text-zinc-400">—</span>;
  return (
    <section className="rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900" data-testid="trace-header">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="text-xs text-zinc-500"><Link className="hover:underline" href={`/project/${projectId}/traces`}>Traces</Link> /</p>
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="break-all text-lg font-semibold" data-testid="trace-name">{trace.name ?? "(unnamed trace)"}</h1>
            {trace.status === "error" ? <Badge tone="red">error · {trace.errorCount}</Badge> : <Badge tone="green">ok</Badge>}
            {/* The status badge already says "error"; the error flag would repeat it. */}
            {trace.flags.filter((f) => f !== "error").map((f) => <Badge key={f} tone="amber">{f}</Badge>)}
          </div>
          <p className="mt-0.5 break-all font-mono text-xs text-zinc-500">{trace.id}</p>
        </div>
        <TraceActions projectId={projectId} trace={trace} selectedSpanId={selectedSpanId} role={role} />
      </div>
      <dl className="mt-3 grid grid-cols-2 gap-x-6 gap-y-2 sm:grid-cols-4 xl:grid-cols-6">
        <Field label="Start"><span title={trace.startTime}>{formatDateTime(trace.startTime)}</span></Field>
        <Field label="Latency" testId="trace-latency">{formatDuration(trace.latencyMs)}</Field>
        <Field label="Cost" testId="trace-cost">
          {formatCost(trace.totalCost)}
          {trace.costEstimated && <span className="ml-1 text-xs text-amber-700 dark:text-amber-400" title="At least one span's tokens were counted offline because the provider sent no usage">(estimated)</span>}
        </Field>
        <Field label="Tokens"><span title="input → output">{formatTokens(trace.usage.inputTokens)} → {formatTokens(trace.usage.outputTokens)}</span></Field>
        <Field label="Spans">{trace.spanCount} ({trace.llmCount} LLM)</Field>
        <Field label="Environment">{trace.environment ?? none}</Field>
        <Field label="Release">{trace.release ?? none}</Field>
        <Field label="User">{trace.userId ?? none}</Field>
        <Field label="Session">
          {trace.sessionId ? (
            <Link className="text-indigo-600 hover:underline dark:text-indigo-400" data-testid="trace-session-link" href={`/project/${projectId}/sessions/${encodeURIComponent(trace.sessionId)}`}>
              {trace.sessionId}
            </Link>
          ) : none}
        </Field>
        <Field label="Prompt">{trace.promptName ? `${trace.promptName}${trace.promptVersion != null ? ` v${trace.promptVersion}` : ""}` : none}</Field>
        <Field label="Models" wide>{trace.models.length ? trace.models.join(", ") : none}</Field>
        <Field label="Tags" wide>
          {trace.tags.length ? <span className="flex flex-wrap gap-1" data-testid="trace-tags">{trace.tags.map((t) => <Badge key={t}>{t}</Badge>)}</span> : none}
        </Field>
      </dl>
    </section>
  );
}
