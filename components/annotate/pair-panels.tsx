"use client";
import { ValueView } from "@/components/traces/detail/chat-view";
import { cn } from "@/components/ui/cn";
import type { AnnotatorPair, Pick } from "@/lib/queries/annotation/keys";
import { SafeMarkdown } from "./markdown";

/** The prompt on top (rendered as the trace view renders inputs), then left and right side by side. */
export function PairPanels({ pair, pick, single = false }: { pair: AnnotatorPair; pick: Pick | null; single?: boolean }) {
  return (
    <div className="space-y-3" data-testid="pair" data-pair-id={pair.id}>
      <section aria-label="Prompt" className="max-h-[38vh] overflow-y-auto rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900">
        <h2 className="mb-2 text-xs font-semibold uppercase tracking-wide text-zinc-500">Prompt</h2>
        <ValueView value={pair.prompt} defaultRole="user" testId="pair-prompt" />
      </section>
      {single ? (
        <Response side="left" label="Response" keyHint="" text={pair.left} selected={false} dimmed={false} />
      ) : (
        <div className="grid grid-cols-2 gap-3">
          <Response side="left" label="Left" keyHint="1" text={pair.left} selected={pick === "left"} dimmed={pick === "both_bad"} />
          <Response side="right" label="Right" keyHint="2" text={pair.right} selected={pick === "right"} dimmed={pick === "both_bad"} />
        </div>
      )}
    </div>
  );
}

function Response({ side, label, keyHint, text, selected, dimmed }: { side: string; label: string; keyHint: string; text: string; selected: boolean; dimmed: boolean }) {
  return (
    <section
      aria-label={`${label} response`}
      data-testid={`response-${side}`}
      data-selected={selected}
      className={cn(
        "min-w-0 rounded-lg border bg-white p-3 transition-colors dark:bg-zinc-900",
        selected ? "border-indigo-500 ring-2 ring-indigo-500/30" : "border-zinc-200 dark:border-zinc-800",
        dimmed && "opacity-60",
      )}
    >
      <h3 className="mb-2 flex items-center gap-2 text-xs font-semibold uppercase tracking-wide text-zinc-500">
        {keyHint && <kbd className="rounded border border-zinc-300 px-1 font-mono text-[11px] normal-case">{keyHint}</kbd>} {label}
      </h3>
      <div className="max-h-[55vh] overflow-y-auto">
        <SafeMarkdown text={text} />
      </div>
    </section>
  );
}
