"use client";
import { AlertTriangle, ShieldAlert } from "lucide-react";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/card";
import { formatDateTime } from "@/lib/format/format-date";
import type { ScoreView, SpanView } from "@/lib/queries/traces/trace-detail";
import { ValueView } from "./chat-view";
import { CopyButton } from "./copy-button";
import { DocumentsView } from "./documents-view";
import { FaithfulnessPanel, faithfulnessScores } from "./faithfulness-panel";
import { formatCost } from "@/lib/format/format-cost";
import { formatTokens } from "@/lib/format/format-count";
import { formatDuration } from "@/lib/format/format-duration";
import { JsonView } from "./json-view";
import { RichText } from "./rich-text";
import { ScoresList } from "./scores-list";
import { KIND_COLOR } from "./span-tree";

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <section className="border-t border-zinc-200 px-4 py-3 dark:border-zinc-800" data-testid={testId}>
      <h3 className="mb-2 text-[11px] font-semibold uppercase tracking-wide text-zinc-500">{title}</h3>
      {children}
    </section>
  );
}

function Stats({ items }: { items: Array<[string, ReactNode]> }) {
  return (
    // Columns follow the panel's own width (container query), not the window's: the panel is half the page.
    <dl className="grid grid-cols-2 gap-x-4 gap-y-1.5 @lg:grid-cols-3">
      {items.map(([k, v]) => (
        <div key={k} className="min-w-0">
          <dt className="text-[11px] text-zinc-500">{k}</dt>
          <dd className="text-sm tabular-nums [overflow-wrap:anywhere]">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

const hasKeys = (v: unknown) => typeof v === "object" && v !== null && Object.keys(v).length > 0;

/** Everything about the selected span: messages, model and parameters, usage, cost, timings, status, metadata, scores. */
export function SpanPanel({ span, scores }: { span: SpanView; scores: ScoreView[] }) {
  const u = span.usage;
  const isLlm = span.kind === "llm" || span.model !== null;
  const faithfulness = faithfulnessScores(scores);
  return (
    <div className="@container" data-testid="span-panel" data-span-id={span.id}>
      <header className="px-4 py-3">
        <div className="flex flex-wrap items-center gap-2">
          <span className={`h-2.5 w-2.5 rounded-sm ${KIND_COLOR[span.kind] ?? "bg-slate-500"}`} />
          <h2 className="break-all text-base font-semibold" data-testid="span-name">{span.name}</h2>
          <Badge>{span.kind}</Badge>
          {span.level === "ERROR" ? <Badge tone="red">error</Badge> : span.level === "WARNING" ? <Badge tone="amber">warning</Badge> : null}
          {/* The level badge already says "error"; the error flag would repeat it. */}
          {span.flags.filter((f) => f !== "error").map((f) => <Badge key={f} tone="amber">{f}</Badge>)}
          {span.piiMasks > 0 && (
            <span className="inline-flex items-center gap-1 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900 dark:bg-amber-900 dark:text-amber-100" data-testid="pii-count">
              <ShieldAlert className="h-3.5 w-3.5" /> {span.piiMasks} value{span.piiMasks === 1 ? "" : "s"} masked
            </span>
          )}
        </div>
        <div className="mt-1 flex items-center gap-2">
          <code className="break-all font-mono text-xs text-zinc-500">{span.id}</code>
          <CopyButton value={span.id} label="span id" showLabel={false} className="h-6 px-1.5" />
        </div>
      </header>

      {(span.statusMessage || span.level === "ERROR") && (
        <div role="status" className="mx-4 mb-3 flex gap-2 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200" data-testid="span-status">
          <AlertTriangle className="mt-0.5 h-4 w-4 shrink-0" />
          <RichText text={span.statusMessage ?? "This span ended with an error (no message)."} />
        </div>
      )}

      <Section title="Input" testId="span-input"><ValueView value={span.input} defaultRole="user" /></Section>
      {span.documents ? (
        <Section title={`Documents (${span.documents.length})`} testId="span-output"><DocumentsView documents={span.documents} /></Section>
      ) : (
        <Section title="Output" testId="span-output"><ValueView value={span.output} defaultRole="assistant" /></Section>
      )}

      {faithfulness.map((f) => (
        <Section key={f.score.id} title="Faithfulness: the answer against the retrieved passages" testId="span-faithfulness"><FaithfulnessPanel score={f.score} view={f.view} /></Section>
      ))}

      <Section title="Timings">
        <Stats items={[
          ["Start", <span key="s" title={span.startTime}>{formatDateTime(span.startTime)}</span>],
          ["End", <span key="e" title={span.endTime}>{formatDateTime(span.endTime)}</span>],
          ["Latency", formatDuration(span.latencyMs)],
          ...(span.ttftMs != null ? ([["Time to first token", formatDuration(span.ttftMs)]] as Array<[string, ReactNode]>) : []),
        ]} />
      </Section>

      {isLlm && (
        <Section title="Model, usage and cost" testId="span-usage">
          <Stats items={[
            ["Model", span.model ?? "—"],
            ["Provider", span.provider ?? "—"],
            ["Input tokens", formatTokens(u.inputTokens)],
            ["Output tokens", formatTokens(u.outputTokens)],
            ["Cached input tokens", formatTokens(u.cachedInputTokens)],
            ["Reasoning tokens", formatTokens(u.reasoningTokens)],
            ["Total tokens", formatTokens(u.totalTokens ?? (u.inputTokens ?? 0) + (u.outputTokens ?? 0))],
            ["Input cost", formatCost(span.cost.input)],
            ["Output cost", formatCost(span.cost.output)],
            ["Total cost", <span key="c">{formatCost(span.cost.total)}{span.cost.estimated && <span className="ml-1 text-xs text-amber-700 dark:text-amber-400" data-testid="cost-estimated">(estimated)</span>}</span>],
          ]} />
          <p className="mt-2 text-xs text-zinc-500">
            {span.cost.estimated ? "Token counts were estimated offline because the provider sent no usage. " : ""}
            Price source: {span.cost.priceSource ?? "no matching price"}
          </p>
          {hasKeys(span.modelParameters) && (
            <div className="mt-3">
              <h4 className="mb-1 text-[11px] text-zinc-500">Parameters</h4>
              <JsonView value={span.modelParameters} />
            </div>
          )}
        </Section>
      )}

      {(span.promptName || span.tags.length > 0 || span.environment || span.release) && (
        <Section title="Context">
          <Stats items={[
            ["Prompt", span.promptName ? `${span.promptName}${span.promptVersion != null ? ` v${span.promptVersion}` : ""}` : "—"],
            ["Environment", span.environment ?? "—"],
            ["Release", span.release ?? "—"],
            ["Tags", span.tags.length ? span.tags.join(", ") : "—"],
          ]} />
        </Section>
      )}

      {hasKeys(span.metadata) && <Section title="Metadata" testId="span-metadata"><JsonView value={span.metadata} /></Section>}

      <Section title="Scores on this span"><ScoresList scores={scores} empty="No scores on this span." /></Section>
    </div>
  );
}
