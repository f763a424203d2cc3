/** The overview's guardrail card from the guardrails endpoint (pure). */
import type { GuardrailStats } from "../queries/metrics/keys";

export type GuardrailChartRow = { time: number; blocked: number; masked: number; allowed: number; calls: number };

/** One row per bucket with calls: blocked, masked and allowed stacked (they add up to the calls), oldest first. */
export function prepareGuardrailChart(series: GuardrailStats["series"]): GuardrailChartRow[] {
  return series
    .map((s) => ({ time: Date.parse(s.time), blocked: s.blocked, masked: s.masked, allowed: Math.max(0, s.calls - s.blocked - s.masked), calls: s.calls }))
    .sort((a, b) => a.time - b.time);
}
