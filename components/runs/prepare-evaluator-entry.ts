import type { StartRunInput } from "@/lib/queries/runs/keys";

/** One evaluator of the Start run form as the user types it, and its translation into a request entry (pure). */

/** Tiered llm_judge: escalate uncertain cheap verdicts to a strong model (lib/evaluators/tiered-judge.ts). */
export type EscalationDraft = { enabled: boolean; model: string; bandMin: string; bandMax: string; samples: string; temperature: string };
/** self_consistency: how many answers to compare and how they are sampled. */
export type ConsistencyDraft = { samples: string; temperature: string; similarity: "embedding" | "token" };
export type EvaluatorDraft = { type: string; params: string; threshold: string; required: boolean; escalation?: EscalationDraft; consistency?: ConsistencyDraft };
type Entry = StartRunInput["evaluators"][number];

/** Types a run can use, with example params. */
export const EVALUATOR_EXAMPLES: Record<string, string> = {
  exact_match: "{}",
  contains: '{ "values": ["refund"] }',
  regex: '{ "pattern": "\\\\d+ days" }',
  json_valid: "{}",
  json_schema: '{ "schema": { "type": "object" } }',
  numeric: '{ "tolerance": 0.01 }',
  length: '{ "min": 1, "max": 600 }',
  llm_judge: '{ "rubric": "Is the answer correct and polite?", "scale": "1-5" }',
  self_consistency: "{}",
  embedding_similarity: '{ "embedder": "offline" }',
  counterfactual: '{ "categories": ["gender", "age", "nationality", "region"], "method": "similarity" }',
  refusal: "{}",
  leak: "{}",
  faithfulness: '{ "escalation": { "model": "gpt-4o" } }',
  answer_relevancy: '{ "k": 3, "embedder": "offline" }',
  context_precision: "{}",
  context_recall: "{}",
  conciseness: "{}",
};

/** A line under an evaluator row for the types whose behaviour is not obvious from their params. */
export const EVALUATOR_HINTS: Record<string, string> = {
  counterfactual: "Swaps the project's fairness terms (Settings → Fairness terms) in each input, asks the prompt again and fails items whose answer changes. Items without a term are not scored.",
  refusal: "Passes when the output declines an item whose metadata.expected is \"refuse\" (or answers one that expects \"comply\"). For the red-team set.",
  leak: "Fails when the output leaks PII the input did not hold, echoes the prompt's system prompt, or contains an injection canary.",
  faithfulness: "Share of the answer's statements the item's contexts support (0–1). escalation: statements where the cheap verdict and the word overlap disagree go to the strong model.",
  answer_relevancy: "Mean similarity of k questions generated from the answer to the real question; 0 for a noncommittal answer.",
  context_precision: "Are the passages useful for the expected output ranked high? Needs contexts and an expected output.",
  context_recall: "Share of the expected output's statements the contexts cover. Needs contexts and an expected output.",
  conciseness: "Share of the answer's statements that address the question.",
};

export const DEFAULT_ESCALATION: EscalationDraft = { enabled: false, model: "", bandMin: "3", bandMax: "3", samples: "1", temperature: "0.7" };
export const DEFAULT_CONSISTENCY: ConsistencyDraft = { samples: "5", temperature: "1", similarity: "embedding" };

export const emptyEvaluator = (type = "length"): EvaluatorDraft => ({
  type, params: EVALUATOR_EXAMPLES[type] ?? "{}", threshold: "", required: false,
  ...(type === "llm_judge" ? { escalation: DEFAULT_ESCALATION } : {}),
  ...(type === "self_consistency" ? { consistency: DEFAULT_CONSISTENCY } : {}),
});

const number = (s: string) => (s.trim() === "" ? null : Number(s));

/** `{ ...params, type, threshold?, required?, escalation? | samples, temperature, similarity }`, or what is wrong (the server checks again and names the field). */
export function buildEvaluatorEntry(e: EvaluatorDraft): { ok: true; entry: Entry } | { ok: false; error: string } {
  let params: unknown;
  try {
    params = JSON.parse(e.params.trim() || "{}");
  } catch {
    return { ok: false, error: "params are not valid JSON" };
  }
  if (typeof params !== "object" || params === null || Array.isArray(params)) return { ok: false, error: "params must be a JSON object" };
  const entry: Entry = { ...(params as Record<string, unknown>), type: e.type };
  if (e.threshold.trim()) {
    const t = Number(e.threshold);
    if (!Number.isFinite(t)) return { ok: false, error: "threshold must be a number" };
    entry.threshold = t;
  }
  if (e.required) entry.required = true;
  if (e.type === "llm_judge" && e.escalation?.enabled) {
    const esc = escalationEntry(e.escalation);
    if (typeof esc === "string") return { ok: false, error: esc };
    entry.escalation = esc;
  }
  if (e.type === "self_consistency" && e.consistency) {
    const c = e.consistency;
    const samples = number(c.samples);
    const temperature = number(c.temperature);
    if (samples !== null && (!Number.isInteger(samples) || samples < 2 || samples > 10)) return { ok: false, error: "samples must be a whole number from 2 to 10" };
    if (temperature !== null && (!Number.isFinite(temperature) || temperature <= 0 || temperature > 2)) return { ok: false, error: "temperature must be above 0 and at most 2" };
    Object.assign(entry, samples === null ? {} : { samples }, temperature === null ? {} : { temperature }, { similarity: c.similarity });
  }
  return { ok: true, entry };
}

function escalationEntry(d: EscalationDraft): Record<string, unknown> | string {
  if (!d.model.trim()) return "name the strong model to escalate to";
  const [min, max] = [number(d.bandMin), number(d.bandMax)];
  if ((min !== null && !Number.isFinite(min)) || (max !== null && !Number.isFinite(max))) return "the uncertain band must be numbers";
  const band = min === null && max === null ? null : { min: min ?? max!, max: max ?? min! };
  if (band && band.min > band.max) return "the band's low end is above its high end";
  const samples = number(d.samples) ?? 1;
  if (!Number.isInteger(samples) || samples < 1 || samples > 10) return "cheap samples must be a whole number from 1 to 10";
  const temperature = number(d.temperature);
  if (temperature !== null && (!Number.isFinite(temperature) || temperature <= 0 || temperature > 2)) return "the sampling temperature must be above 0 and at most 2";
  if (!band && samples < 2) return "give an uncertain band or at least 2 cheap samples, else nothing escalates";
  return { model: d.model.trim(), ...(band ? { band } : {}), samples, ...(samples > 1 && temperature !== null ? { temperature } : {}) };
}
