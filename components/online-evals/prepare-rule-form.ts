import { EVALUATOR_EXAMPLES, type EvaluatorDraft, emptyEvaluator } from "@/components/runs/prepare-evaluator-entry";
import type { OnlineEvalRuleRow } from "@/lib/queries/online-evals/keys";
import type { CreateOnlineEval } from "@/lib/schemas/online-evals";

/** The rule dialog as the user types it, and its translation into the request (pure). */
export type RuleForm = {
  name: string; enabled: boolean; sampleRate: string; environment: string; traceName: string; tags: string; model: string;
  promptName: string; promptVersion: string; evaluator: EvaluatorDraft; connectionId: string; judgeModel: string; scoreName: string;
};

/** Evaluators that need an expected output, or re-ask the system under test, cannot run on production traces. */
const OFFLINE_ONLY = new Set(["exact_match", "numeric", "embedding_similarity", "self_consistency"]);
export const ONLINE_EVALUATORS = Object.keys(EVALUATOR_EXAMPLES).filter((t) => !OFFLINE_ONLY.has(t));

export function initialRuleForm(rule?: OnlineEvalRuleRow): RuleForm {
  if (!rule) {
    return { name: "", enabled: true, sampleRate: "10", environment: "production", traceName: "", tags: "", model: "", promptName: "", promptVersion: "", evaluator: emptyEvaluator("length"), connectionId: "", judgeModel: "", scoreName: "" };
  }
  const { type, threshold, ...params } = rule.evaluator;
  const f = rule.filter;
  return {
    name: rule.name, enabled: rule.enabled, sampleRate: String(rule.sampleRate), environment: f.environment ?? "", traceName: f.name ?? "", tags: (f.tags ?? []).join(", "),
    model: f.model ?? "", promptName: f.promptName ?? "", promptVersion: f.promptVersion ? String(f.promptVersion) : "",
    evaluator: { type, params: JSON.stringify(params), threshold: threshold === undefined ? "" : String(threshold), required: false },
    connectionId: rule.connectionId ?? "", judgeModel: rule.model ?? "", scoreName: rule.scoreName === rule.name ? "" : rule.scoreName,
  };
}

export function buildRuleInput(form: RuleForm): { ok: true; input: CreateOnlineEval } | { ok: false; error: string } {
  if (!form.name.trim()) return { ok: false, error: "Give the rule a name" };
  const rate = Number(form.sampleRate);
  if (!form.sampleRate.trim() || !Number.isFinite(rate) || rate < 0 || rate > 100) return { ok: false, error: "Sample rate must be 0–100 %" };
  let params: unknown;
  try {
    params = JSON.parse(form.evaluator.params.trim() || "{}");
  } catch {
    return { ok: false, error: "Evaluator params are not valid JSON" };
  }
  if (typeof params !== "object" || params === null || Array.isArray(params)) return { ok: false, error: "Evaluator params must be a JSON object" };
  const evaluator: CreateOnlineEval["evaluator"] = { ...(params as Record<string, unknown>), type: form.evaluator.type };
  if (form.evaluator.threshold.trim()) {
    const t = Number(form.evaluator.threshold);
    if (!Number.isFinite(t)) return { ok: false, error: "Threshold must be a number" };
    evaluator.threshold = t;
  }
  const version = form.promptVersion.trim() ? Number(form.promptVersion) : undefined;
  if (version !== undefined && (!Number.isInteger(version) || version < 1)) return { ok: false, error: "Prompt version must be a whole number" };
  const tags = form.tags.split(",").map((t) => t.trim()).filter(Boolean);
  const judge = usesJudge(form.evaluator.type);
  return {
    ok: true,
    input: {
      name: form.name.trim(), enabled: form.enabled, sampleRate: rate, evaluator,
      filter: {
        environment: form.environment.trim() || null,
        ...(form.traceName.trim() ? { name: form.traceName.trim() } : {}),
        ...(tags.length ? { tags } : {}),
        ...(form.model.trim() ? { model: form.model.trim() } : {}),
        ...(form.promptName.trim() ? { promptName: form.promptName.trim() } : {}),
        ...(version !== undefined ? { promptVersion: version } : {}),
      },
      ...(judge && form.connectionId ? { connectionId: form.connectionId } : {}),
      ...(judge && form.judgeModel.trim() ? { model: form.judgeModel.trim() } : {}),
      ...(form.scoreName.trim() ? { scoreName: form.scoreName.trim() } : {}),
    },
  };
}

/** Evaluators that call a judge model on the rule's connection: llm_judge and the RAG evaluators. */
export const usesJudge = (type: string) => ["llm_judge", "faithfulness", "answer_relevancy", "conciseness"].includes(type);
