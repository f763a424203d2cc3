import type { RunsComparisonResponse } from "@/lib/queries/runs/keys";
import { checkScoreGates, parseScoreGate, type ScoreGate, type ScoreGateCheck } from "@/lib/runs/score-gates";

/** `?require=faithfulness:0.9:0.03&require=…` → the requirements, skipping what does not read. */
export function requirementsFromParams(values: readonly string[]): ScoreGate[] {
  return values.flatMap((v) => v.split(",")).map(parseScoreGate).filter((g): g is ScoreGate => g !== null);
}

/** Each run's evaluator means from its summary (what the approval gate reads), by key. */
function meansOf(run: RunsComparisonResponse["runs"][number]): Record<string, number | null> {
  const evaluators = (run.summary as { evaluators?: Record<string, { mean: number | null }> } | null)?.evaluators ?? {};
  return Object.fromEntries(Object.entries(evaluators).map(([k, e]) => [k, e.mean]));
}

/** Per later run: the requirements checked against the baseline (first) run, as the approval gate checks them. */
export function requirementRows(comparison: RunsComparisonResponse, gates: readonly ScoreGate[]): { runId: string; checks: ScoreGateCheck[] }[] {
  const [baseline, ...later] = comparison.runs;
  if (!baseline) return [];
  const base = meansOf(baseline);
  return later.map((r) => ({ runId: r.id, checks: checkScoreGates(gates, meansOf(r), base) }));
}

/** Evaluator keys every run shares: what a requirement can name. */
export function sharedEvaluatorKeys(comparison: RunsComparisonResponse): string[] {
  const keys = comparison.runs.map((r) => new Set(Object.keys(meansOf(r))));
  return [...(keys[0] ?? [])].filter((k) => keys.every((s) => s.has(k))).sort();
}
