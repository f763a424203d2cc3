import { maskPii } from "../pii/mask-pii";
import { priceSpan } from "../pricing/price-span";
import { detectFlags } from "./flags";
import type { IngestSettings } from "./project-settings";
import type { SpanRow } from "./rows";
import type { NormalizedSpan } from "./types";

/**
 * normalize → mask → price → flag, for one project's spans. Masking runs first so that
 * nothing downstream (token estimation, flags, the database) ever sees the raw value.
 */
export function prepareSpans(projectId: string, spans: readonly NormalizedSpan[], settings: IngestSettings): SpanRow[] {
  return spans.map((span) => {
    const input = maskPii(span.input, settings.pii);
    const output = maskPii(span.output, settings.pii);
    const metadata = maskPii(span.metadata, settings.pii);
    const status = span.statusMessage === null ? null : maskPii(span.statusMessage, settings.pii);
    const piiMasks = input.masks + output.masks + metadata.masks + (status?.masks ?? 0);

    const priced = span.kind === "llm" || span.kind === "embedding"
      ? priceSpan({ model: span.model, provider: span.provider, usage: span.usage, startTime: span.startTime, input: input.value, output: output.value, overrides: settings.priceOverrides })
      : null;
    const level = span.level;
    const flags = detectFlags({ level, input: input.value, output: output.value, kind: span.kind, metadata: metadata.value as Record<string, unknown> | null }, piiMasks);

    return {
      ...span,
      projectId,
      input: input.value,
      output: output.value,
      metadata: metadata.value as Record<string, unknown>,
      statusMessage: (status?.value as string | undefined) ?? null,
      usage: priced?.usage ?? span.usage,
      latencyMs: span.endTime.getTime() - span.startTime.getTime(),
      inputCost: priced?.inputCost ?? null,
      outputCost: priced?.outputCost ?? null,
      totalCost: priced?.totalCost ?? null,
      costEstimated: priced?.estimated ?? false,
      priceSource: priced?.priceSource ?? null,
      flags,
      piiMasks,
    };
  });
}
