import { checkScoreGates, type ScoreGateCheck } from "../runs/score-gates";
import type { PolicyRule } from "./resolve-policy";

/** What the gate needs to know of a run (lib/runs): its state, and its pass rate (and evaluator means) once finished. */
export type GateRunFact = { id: string; status: string; passed: boolean | null; passRate: number | null; done: number; total: number; error: string | null; means?: Record<string, number | null> };
export type GateOverride = { byId: string | null; reason: string; at: string };

export type GateStatus = {
  /** Whether the label's policy requires a passing run. */
  required: boolean;
  state: "off" | "pending" | "passed" | "failed" | "overridden";
  runId: string | null;
  baselineRunId: string | null;
  /** 0–1, of the proposed version's run once finished. */
  passRate: number | null;
  baselinePassRate: number | null;
  /** Percentage points the pass rate fell below the current version's (negative: it rose). */
  dropPoints: number | null;
  minPassRate: number | null;
  maxDropPoints: number | null;
  override: GateOverride | null;
  /** The gate's requirements on evaluator means (lib/runs/score-gates.ts), once the runs finished. */
  scores: ScoreGateCheck[];
  /** Why it blocks the merge (empty when it does not). */
  blockers: string[];
};

const pct = (r: number) => `${(r * 100).toFixed(1)}%`;
const FINISHED_BAD = new Set(["failed", "cancelled"]);

/**
 * The approval gate of a change request, from its runs (pure). Pending while either run is
 * queued or running; failed when the proposed run failed, was cancelled, did not pass its
 * required evaluators, has a pass rate below minPassRate, or fell more than maxDropPoints below
 * the current version's run; passed otherwise. An override by an owner or admin lifts it.
 */
export function gateStatus(options: { policy: PolicyRule; baseVersion: number | null; run: GateRunFact | null; baseline: GateRunFact | null; error: string | null; override: GateOverride | null }): GateStatus {
  const { policy, run, baseline } = options;
  const gate = policy.runGate;
  const base: GateStatus = {
    required: policy.requirePassingRun, state: "off", runId: run?.id ?? null, baselineRunId: baseline?.id ?? null,
    passRate: run?.passRate ?? null, baselinePassRate: baseline?.passRate ?? null, dropPoints: null,
    minPassRate: gate?.minPassRate ?? null, maxDropPoints: gate?.maxDropPoints ?? null, override: options.override, scores: [], blockers: [],
  };
  if (!policy.requirePassingRun) return base;
  if (options.override) return { ...base, state: "overridden" };
  const fail = (reason: string): GateStatus => ({ ...base, state: "failed", blockers: [`gate: ${reason}`] });
  if (!gate) return fail("the policy requires a passing run but configures no run gate");
  if (!run) return fail(options.error ? `the gate run could not start (${options.error})` : "this request has no gate run (it was opened before the policy required one): rebase or propose again");
  if (options.baseVersion !== null && !baseline) return fail("the current version has no baseline run to compare with");
  const pending = [run, baseline].filter((r): r is GateRunFact => r !== null && (r.status === "queued" || r.status === "running"));
  if (pending.length) return { ...base, state: "pending", blockers: pending.map((r) => `gate: waiting for ${r === run ? "the gate run" : "the baseline run"} (${r.done}/${r.total} items)`) };
  if (FINISHED_BAD.has(run.status)) return fail(`the gate run ${run.status}${run.error ? `: ${run.error}` : ""}`);
  const passRate = run.passRate ?? 0;
  if (passRate < gate.minPassRate) return fail(`pass rate ${pct(passRate)} is below the required ${pct(gate.minPassRate)}`);
  if (run.passed === false) return fail("a required evaluator is below its minimum");
  const compare = baseline !== null && options.baseVersion !== null;
  const scoreGates = gate.scoreGates ?? [];
  if (compare && (gate.maxDropPoints !== undefined || scoreGates.some((g) => g.maxDrop !== undefined)) && FINISHED_BAD.has(baseline.status)) {
    return fail(`the baseline run of version ${options.baseVersion} ${baseline.status}, so there is nothing to compare with`);
  }
  const blockers: string[] = [];
  let dropPoints: number | null = null;
  if (compare && gate.maxDropPoints !== undefined) {
    dropPoints = Math.round(((baseline.passRate ?? 0) - passRate) * 1000) / 10;
    if (dropPoints > gate.maxDropPoints) blockers.push(`gate: pass rate dropped ${dropPoints} points against version ${options.baseVersion} (${pct(baseline.passRate ?? 0)} → ${pct(passRate)}; at most ${gate.maxDropPoints} allowed)`);
  }
  const scores = checkScoreGates(scoreGates, run.means ?? {}, compare ? (baseline.means ?? {}) : null);
  for (const s of scores) blockers.push(...s.problems.map((p) => `gate: ${p}`));
  return { ...base, dropPoints, scores, state: blockers.length ? "failed" : "passed", blockers };
}
