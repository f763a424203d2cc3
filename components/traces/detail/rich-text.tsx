import { splitRedactions } from "./chat-model";

/**
 * Trace content as plain React text (never HTML, never auto-linked), with PII redaction
 * markers highlighted so a reader sees what was masked at ingest.
 */
export function RichText({ text, className }: { text: string; className?: string }) {
  return (
    <span className={className ?? "whitespace-pre-wrap break-words"}>
      {splitRedactions(text).map((seg, i) =>
        seg.redacted ? (
          <mark key={i} data-testid="pii-marker" title={`Masked at ingest: ${seg.redacted}`} className="rounded bg-amber-200 px-0.5 font-mono text-[0.85em] text-amber-900 dark:bg-amber-800 dark:text-amber-100">
            {seg.text}
          </mark>
        ) : (
          seg.text
        ),
      )}
    </span>
  );
}
