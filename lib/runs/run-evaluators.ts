import "server-only";
import { ZodError } from "zod";
import { AppError } from "../errors";
import { type EvaluatorSpec, parseEvaluatorSpec } from "../evaluators/registry";

/** An evaluator as a run stores it: a registry spec (threshold inside its params) and the gate's terms. */
export type RunEvaluator = { key: string; spec: EvaluatorSpec; required: boolean; minPassRate: number | null };

/**
 * Validates `[{ type, ...params, threshold?, required?, minPassRate? }]` against the registry.
 * A bad entry is a 400 naming the field (`body.evaluators.2.pattern: …`). Keys name each
 * evaluator in scores and the summary: its type, with `_2`, `_3` for repeats.
 */
export function parseRunEvaluators(entries: readonly Record<string, unknown>[], field = "body.evaluators"): RunEvaluator[] {
  const seen = new Map<string, number>();
  return entries.map((entry, i) => {
    const { required, minPassRate, ...rest } = entry;
    if (required !== undefined && typeof required !== "boolean") throw new AppError("INVALID", `${field}.${i}.required: must be a boolean`);
    if (minPassRate !== undefined && (typeof minPassRate !== "number" || minPassRate < 0 || minPassRate > 1)) throw new AppError("INVALID", `${field}.${i}.minPassRate: must be a number within 0–1`);
    let spec: EvaluatorSpec;
    try {
      spec = parseEvaluatorSpec(rest);
    } catch (error) {
      if (!(error instanceof ZodError)) throw error;
      const issue = error.issues[0]!;
      throw new AppError("INVALID", `${[field, i, ...issue.path.map(String)].join(".")}: ${issue.message}`, error.issues);
    }
    const n = (seen.get(spec.type) ?? 0) + 1;
    seen.set(spec.type, n);
    return { key: n === 1 ? spec.type : `${spec.type}_${n}`, spec, required: required === true, minPassRate: (minPassRate as number | undefined) ?? null };
  });
}

/**
 * What a run of this source can execute, checked when it starts and when a prompt policy's run
 * gate is saved (a gate always runs a prompt), so both refuse the same way: a 400 naming
 * `<field>.<i>.type`. self_consistency re-asks the system under test, which only a prompt run
 * can (supplied outputs came from a system Pharos cannot call).
 */
export function checkRunnableEvaluators(evaluators: readonly RunEvaluator[], options: { source: "prompt" | "outputs"; field?: string }) {
  const field = options.field ?? "body.evaluators";
  evaluators.forEach((e, i) => {
    if (e.spec.type === "self_consistency" && options.source !== "prompt") {
      throw new AppError("INVALID", `${field}.${i}.type: self_consistency needs a prompt run (Pharos re-asks the model the same input); a run of supplied outputs cannot be re-sampled`);
    }
  });
}
