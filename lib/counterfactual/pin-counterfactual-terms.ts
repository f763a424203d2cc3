import { AppError } from "../errors";
import { counterfactualPairs } from "../evaluators/counterfactual";
import type { RunEvaluator } from "../runs/run-evaluators";
import { getCounterfactualTerms } from "./get-counterfactual-terms";

/**
 * At run start: every `counterfactual` evaluator gets the project's term pairs (of its categories)
 * written into its params, so the run row records exactly what it swapped and a later edit of the
 * list does not change a running run (or one resumed after a worker restart). Pairs given in the
 * request are kept. A counterfactual needs a prompt run: Pharos must ask the system again with the
 * swapped input, which it cannot do for outputs the caller supplied. Refusals are 400s naming the field.
 */
export async function pinCounterfactualTerms(options: { projectId: string; evaluators: RunEvaluator[]; promptRun: boolean; field?: string }): Promise<RunEvaluator[]> {
  const { evaluators, field = "body.evaluators" } = options;
  if (!evaluators.some((e) => e.spec.type === "counterfactual")) return evaluators;
  const project = await getCounterfactualTerms({ projectId: options.projectId });
  return evaluators.map((e, i) => {
    if (e.spec.type !== "counterfactual") return e;
    if (!options.promptRun) throw new AppError("INVALID", `${field}.${i}.type: counterfactual needs a prompt run (Pharos asks the prompt again with the swapped input); supplied outputs cannot be re-asked, so give prompt without outputs`);
    const pairs = counterfactualPairs(e.spec.params, project.pairs);
    if (!pairs.length) throw new AppError("INVALID", `${field}.${i}.categories: the term list has no pairs in ${e.spec.params.categories?.join(", ") ?? "any category"}`);
    return { ...e, spec: { ...e.spec, params: { ...e.spec.params, pairs } } };
  });
}
