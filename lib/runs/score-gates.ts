/**
 * Requirements on evaluator means (pure), e.g. faithfulness ≥ 0.9 with no drop greater than
 * 0.03 against the baseline run: used by the prompt approval gate (lib/prompts/gate-status.ts)
 * and the run compare view. A mean is over the items the evaluator scored (summarize-run.ts).
 */
export type ScoreGate = { evaluator: string; min?: number; maxDrop?: number };
export type ScoreGateCheck = {
  evaluator: string; min: number | null; maxDrop: number | null;
  mean: number | null; baselineMean: number | null;
  /** Baseline mean minus this mean (positive: it fell); null without a baseline to compare with. */
  drop: number | null;
  met: boolean;
  problems: string[];
};

const EPS = 1e-9;
const r6 = (n: number) => Math.round(n * 1e6) / 1e6;
const f3 = (n: number) => n.toFixed(3);

/** `baselineMeans` null: nothing to compare with (a first version), so only minimums apply. */
export function checkScoreGates(gates: readonly ScoreGate[], means: Readonly<Record<string, number | null | undefined>>, baselineMeans: Readonly<Record<string, number | null | undefined>> | null): ScoreGateCheck[] {
  return gates.map((g) => {
    const mean = means[g.evaluator] ?? null;
    const baselineMean = baselineMeans ? (baselineMeans[g.evaluator] ?? null) : null;
    const drop = mean !== null && baselineMean !== null ? r6(baselineMean - mean) : null;
    const problems: string[] = [];
    if (mean === null) problems.push(`${g.evaluator} scored no item`);
    else if (g.min !== undefined && mean < g.min - EPS) problems.push(`${g.evaluator} mean ${f3(mean)} is below the required ${g.min}`);
    if (g.maxDrop !== undefined && baselineMeans && mean !== null) {
      if (baselineMean === null) problems.push(`${g.evaluator}: the baseline run has no ${g.evaluator} scores to compare with`);
      else if (drop! > g.maxDrop + EPS) problems.push(`${g.evaluator} mean dropped ${f3(drop!)} against the baseline (${f3(baselineMean)} → ${f3(mean)}; at most ${g.maxDrop} allowed)`);
    }
    return { evaluator: g.evaluator, min: g.min ?? null, maxDrop: g.maxDrop ?? null, mean, baselineMean, drop, met: problems.length === 0, problems };
  });
}

/** "faithfulness:0.9:0.03" (min and max drop, either may be empty) ↔ a gate: how the compare view keeps requirements in its link. */
export function parseScoreGate(text: string): ScoreGate | null {
  const [evaluator, min, maxDrop] = text.split(":");
  if (!evaluator || !/^[a-z_0-9]+$/.test(evaluator)) return null;
  const num = (s: string | undefined) => (s === undefined || s === "" ? undefined : Number(s));
  const g: ScoreGate = { evaluator, ...(num(min) !== undefined ? { min: num(min) } : {}), ...(num(maxDrop) !== undefined ? { maxDrop: num(maxDrop) } : {}) };
  if ([g.min, g.maxDrop].some((v) => v !== undefined && !Number.isFinite(v))) return null;
  return g.min === undefined && g.maxDrop === undefined ? null : g;
}
export const formatScoreGate = (g: ScoreGate) => `${g.evaluator}:${g.min ?? ""}:${g.maxDrop ?? ""}`;
