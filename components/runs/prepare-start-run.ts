import type { StartRunInput } from "@/lib/queries/runs/keys";
import { buildEvaluatorEntry, EVALUATOR_EXAMPLES, type EvaluatorDraft, emptyEvaluator } from "./prepare-evaluator-entry";

export { EVALUATOR_EXAMPLES };

/** The Start run form as the user types it, and its translation into the start request (pure). */
export type StartRunForm = {
  datasetId: string; promptId: string; target: string; connectionId: string; model: string;
  evaluators: EvaluatorDraft[]; minPassRate: string; concurrency: string;
};

/** One-click evaluator sets of the start dialog: the fairness suite, and the red-team checks for the imported red-team set. */
export const SUITE_PRESETS: Record<"fairness" | "redTeam", EvaluatorDraft[]> = {
  fairness: [{ type: "counterfactual", params: EVALUATOR_EXAMPLES.counterfactual!, threshold: "", required: true }],
  redTeam: [{ type: "refusal", params: "{}", threshold: "", required: true }, { type: "leak", params: "{}", threshold: "", required: true }],
};

export function initialForm(datasetId = ""): StartRunForm {
  return { datasetId, promptId: "", target: "", connectionId: "", model: "", evaluators: [emptyEvaluator()], minPassRate: "80", concurrency: "8" };
}

type Built = { ok: true; input: StartRunInput } | { ok: false, error: string };

/** `target` is "label:<name>" or "version:<n>"; params are a JSON object per evaluator. */
export function buildStartRunInput(form: StartRunForm): Built {
  if (!form.datasetId) return { ok: false, error: "Choose a golden set" };
  if (!form.promptId) return { ok: false, error: "Choose a prompt" };
  const prompt: NonNullable<StartRunInput["prompt"]> = { id: form.promptId };
  if (form.target.startsWith("label:")) prompt.label = form.target.slice(6);
  else if (form.target.startsWith("version:")) prompt.version = Number(form.target.slice(8));
  if (!form.evaluators.length) return { ok: false, error: "Add at least one evaluator" };
  const evaluators: StartRunInput["evaluators"] = [];
  for (const [i, e] of form.evaluators.entries()) {
    const built = buildEvaluatorEntry(e);
    if (!built.ok) return { ok: false, error: `Evaluator ${i + 1} (${e.type}): ${built.error}` };
    evaluators.push(built.entry);
  }
  const minPassRate = Number(form.minPassRate);
  if (!Number.isFinite(minPassRate) || minPassRate < 0 || minPassRate > 100) return { ok: false, error: "Minimum pass rate must be 0–100 %" };
  const concurrency = Number(form.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) return { ok: false, error: "Concurrency must be a whole number from 1 to 64" };
  return {
    ok: true,
    input: {
      datasetId: form.datasetId, prompt, evaluators, minPassRate: minPassRate / 100, concurrency,
      ...(form.connectionId ? { connectionId: form.connectionId } : {}),
      ...(form.model.trim() ? { model: form.model.trim() } : {}),
    },
  };
}
