/** The summary of a finished (or cancelled) run, from its items (pure). */
export type SummaryItem = {
  status: string;
  passed: boolean | null;
  latencyMs: number | null;
  cost: number | null;
  scores: Record<string, SummaryScore> | null;
};
export type SummaryScore = { passed: boolean; score: number | null; status: string; details?: Record<string, unknown>; usage?: { cost: number | null } };
/** `tiered`: an llm_judge with escalation, whose escalations and savings the summary totals. */
export type SummaryEvaluator = { key: string; type: string; required: boolean; minPassRate: number | null; tiered?: boolean };

/**
 * A tiered judge over the run: items it judged (any verdict or judge failure), how many it
 * escalated to the strong model, the judge calls' actual cost, what judging every item with the
 * strong model would have cost (per item: lib/evaluators/tiered-judge.ts), and the difference.
 * A cost is null when some call could not be priced.
 */
export type TieredSummary = {
  judged: number; escalated: number; escalationRate: number; cost: number | null; strongOnlyCost: number | null; costSaved: number | null;
  /** RAG evaluators: statements or passages judged over the run, and how many of them went to the strong model. */
  claims?: { judged: number; escalated: number; escalationRate: number };
};

export type RunSummary = {
  total: number;
  done: number;
  passed: number;
  failures: number;
  judgeErrors: number;
  passRate: number;
  evaluators: Record<string, { type: string; mean: number | null; passRate: number; scored: number; required: boolean; minPassRate: number | null; met: boolean; tiered?: TieredSummary; flagged?: number }>;
  latencyP50Ms: number | null;
  latencyP95Ms: number | null;
  cost: number;
};

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (!sorted.length) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/**
 * Pass rate over every item of the snapshot (an item that failed or was never run does not
 * pass). An evaluator's mean is over the items it scored; its pass rate over all items.
 * `passed`: pass rate ≥ minPassRate and every required evaluator's pass rate ≥ its minimum.
 */
export function summarizeRun(options: { total: number; items: readonly SummaryItem[]; evaluators: readonly SummaryEvaluator[]; minPassRate: number }): { summary: RunSummary; passed: boolean } {
  const { total, items, evaluators, minPassRate } = options;
  const finished = items.filter((i) => i.status !== "pending" && i.status !== "running");
  const passedCount = finished.filter((i) => i.passed === true).length;
  const latencies = finished.map((i) => i.latencyMs).filter((v): v is number => v !== null).sort((a, b) => a - b);
  const cost = Math.round(finished.reduce((n, i) => n + (i.cost ?? 0), 0) * 1e10) / 1e10;
  const passRate = total ? passedCount / total : 0;
  const perEvaluator: RunSummary["evaluators"] = {};
  for (const e of evaluators) {
    const results = finished.map((i) => i.scores?.[e.key]).filter((s) => s !== undefined);
    const scores = results.map((s) => s.score).filter((v): v is number => v !== null);
    const evalPassRate = total ? results.filter((s) => s.passed).length / total : 0;
    const min = e.minPassRate ?? minPassRate;
    perEvaluator[e.key] = {
      type: e.type,
      mean: scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null,
      passRate: evalPassRate,
      scored: scores.length,
      required: e.required,
      minPassRate: e.minPassRate,
      met: evalPassRate >= min,
      ...(e.tiered ? { tiered: summarizeTiered(results) } : {}),
      // self_consistency: items whose answers disagreed (flagged), apart from items it could not score.
      ...(e.type === "self_consistency" ? { flagged: results.filter((r) => r.details?.flagged === true).length } : {}),
    };
  }
  const summary: RunSummary = {
    total,
    done: finished.length,
    passed: passedCount,
    failures: finished.filter((i) => i.status === "failed").length,
    judgeErrors: finished.filter((i) => i.status === "judge_error").length,
    passRate,
    evaluators: perEvaluator,
    latencyP50Ms: percentile(latencies, 50),
    latencyP95Ms: percentile(latencies, 95),
    cost,
  };
  const requiredMet = evaluators.filter((e) => e.required).every((e) => perEvaluator[e.key]!.met);
  return { summary, passed: total > 0 && passRate >= minPassRate && requiredMet };
}

const round = (n: number) => Math.round(n * 1e10) / 1e10;
const sumOrNull = (values: readonly (number | null)[]) => (values.some((v) => v === null) ? null : round(values.reduce<number>((a, b) => a + b!, 0)));

/** Totals of a tiered judge's per-item results (those carrying `details.tiered`). */
export function summarizeTiered(results: readonly SummaryScore[]): TieredSummary {
  const tiered = results.flatMap((r) => {
    const t = r.details?.tiered as { escalated?: boolean; strongOnlyCost?: number | null; claims?: number; escalatedClaims?: number } | undefined;
    return t ? [{ escalated: t.escalated === true, strongOnlyCost: t.strongOnlyCost ?? null, cost: r.usage ? r.usage.cost : 0, claims: t.claims, escalatedClaims: t.escalatedClaims }] : [];
  });
  const withClaims = tiered.filter((t) => typeof t.claims === "number");
  const claimCount = withClaims.reduce((n, t) => n + t.claims!, 0);
  const escalatedClaims = withClaims.reduce((n, t) => n + (t.escalatedClaims ?? 0), 0);
  const escalated = tiered.filter((t) => t.escalated).length;
  const cost = sumOrNull(tiered.map((t) => t.cost));
  const strongOnlyCost = sumOrNull(tiered.map((t) => t.strongOnlyCost));
  return {
    judged: tiered.length,
    escalated,
    escalationRate: tiered.length ? escalated / tiered.length : 0,
    cost,
    strongOnlyCost,
    costSaved: cost === null || strongOnlyCost === null ? null : round(strongOnlyCost - cost),
    ...(withClaims.length ? { claims: { judged: claimCount, escalated: escalatedClaims, escalationRate: claimCount ? escalatedClaims / claimCount : 0 } } : {}),
  };
}
