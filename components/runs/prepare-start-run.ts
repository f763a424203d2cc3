import type { StartRunInput } from "@/lib/queries/runs/keys";

/** The Start run form as the user types it, and its translation into the start request (pure). */
export type EvaluatorDraft = { type: string; params: string; threshold: string; required: boolean };
export type StartRunForm = {
  datasetId: string; promptId: string; target: string; connectionId: string; model: string;
  evaluators: EvaluatorDraft[]; minPassRate: string; concurrency: string;
};

/** Types a run can use, with example params. */
export const EVALUATOR_EXAMPLES: Record<string, string> = {
  exact_match: "{}",
  contains: '{ "values": ["refund"] }',
  regex: '{ "pattern": "\\\\d+ days" }',
  json_valid: "{}",
  json_schema: '{ "schema": { "type": "object" } }',
  numeric: '{ "tolerance": 0.01 }',
  length: '{ "min": 1, "max": 600 }',
  embedding_similarity: '{ "embedder": "offline" }',
  llm_judge: '{ "rubric": "Is the answer correct and polite?", "scale": "1-5" }',
};

export const emptyEvaluator = (type = "length"): EvaluatorDraft => ({ type, params: EVALUATOR_EXAMPLES[type] ?? "{}", threshold: "", required: false });

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
    let params: unknown;
    try {
      params = JSON.parse(e.params.trim() || "{}");
    } catch {
      return { ok: false, error: `Evaluator ${i + 1} (${e.type}): params are not valid JSON` };
    }
    if (typeof params !== "object" || params === null || Array.isArray(params)) return { ok: false, error: `Evaluator ${i + 1} (${e.type}): params must be a JSON object` };
    const entry: StartRunInput["evaluators"][number] = { ...(params as Record<string, unknown>), type: e.type };
    if (e.threshold.trim()) {
      const t = Number(e.threshold);
      if (!Number.isFinite(t)) return { ok: false, error: `Evaluator ${i + 1} (${e.type}): threshold must be a number` };
      entry.threshold = t;
    }
    if (e.required) entry.required = true;
    evaluators.push(entry);
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
