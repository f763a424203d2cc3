import "server-only";
import { db } from "../db";
import { createDataset } from "../datasets/create-dataset";
import { promoteToDataset } from "../datasets/promote-to-dataset";
import { createPromptVersion } from "../prompts/create-prompt-version";
import { mergeChangeRequest } from "../prompts/merge-change-request";
import { proposeLabelChange } from "../prompts/propose-label-change";
import { reviewChangeRequest } from "../prompts/review-change-request";
import { updatePromptPolicy } from "../prompts/update-prompt-policy";
import { DEMO_REVIEWER_EMAIL } from "./seed-demo-prompts";
import { DEMO_RAG_CONNECTION } from "./seed-demo-rag";

export const DEMO_RAG_PROMPT = "support-rag";
export const DEMO_RAG_GOLDEN_SET = "RAG golden set";
/** The demo RAG traces promoted into the golden set: answers the articles fully support, English and Korean. */
export const DEMO_RAG_GOLDEN_QUESTIONS = ["Is shipping free?", "환불은 얼마나 걸리나요?", "I forgot my password."];
/** Faithfulness ≥ 0.9 with no drop greater than 0.03 against the label's version. */
export const DEMO_FAITHFULNESS_GATE = { evaluator: "faithfulness", min: 0.9, maxDrop: 0.03 };

const system = (text: string) => ({ role: "system", content: text });
const VERSIONS = [
  { commitMessage: "First version", system: "Answer the customer's question from the help-center articles below.\n\n{{contexts}}" },
  { commitMessage: "Answer only from the articles: no offers or promises they do not make", system: "Answer only from the help-center articles below. If they do not say it, say you do not know; never add offers or promises.\n\n{{contexts}}" },
];

/**
 * The release side of the demo's RAG bot (lib/bootstrap/seed-demo-rag.ts wrote its traces):
 * the prompt its traces name, support-rag v1 and v2 with production → v2 (approved by the demo
 * reviewer); a golden set promoted from three of its faithful traces, so each item carries the
 * retrieved documents as contexts and the answer as expected output; and, on production's
 * approval policy, a regression gate over that set on faithfulness ≥ 0.9 with no drop greater
 * than 0.03. The gate is stored but not required (requirePassingRun off): the demo has no model,
 * and its run would need one (the keyless demo-judge connection, like the RAG rules). Ticking
 * "Require a passing regression run" in the policy dialog shows it filled in. Through the real
 * services (audited); idempotent: each step looks for what it would make.
 */
export async function seedDemoRagRelease(options: { projectId: string }) {
  const { projectId } = options;
  const project = await db.project.findUniqueOrThrow({ where: { id: projectId }, select: { id: true, orgId: true } });
  const owner = await db.membership.findFirstOrThrow({ where: { orgId: project.orgId, role: "owner" }, orderBy: { createdAt: "asc" }, select: { userId: true } });
  const actor = { userId: owner.userId };

  const datasetId = await ensureGoldenSet(projectId, owner.userId);
  let prompt = await db.prompt.findUnique({ where: { projectId_name: { projectId, name: DEMO_RAG_PROMPT } }, select: { id: true } });
  if (!prompt) {
    for (const v of VERSIONS) {
      const saved = await createPromptVersion({
        project, actor,
        input: { name: DEMO_RAG_PROMPT, type: "chat", template: [system(v.system), { role: "user", content: "{{question}}" }], config: { model: "gpt-4o-mini", temperature: 0.2 }, commitMessage: v.commitMessage, description: "Answers help-center questions from the retrieved articles", tags: ["support", "rag"] },
      });
      prompt = { id: saved.prompt.id };
    }
    // Authors may not approve their own change: the demo reviewer (seed-demo-prompts.ts) does.
    const reviewer = await db.user.upsert({ where: { email: DEMO_REVIEWER_EMAIL }, create: { email: DEMO_REVIEWER_EMAIL, name: "Demo Reviewer" }, update: {}, select: { id: true } });
    await db.membership.upsert({ where: { orgId_userId: { orgId: project.orgId, userId: reviewer.id } }, create: { orgId: project.orgId, userId: reviewer.id, role: "admin" }, update: {} });
    const { changeRequest } = await proposeLabelChange({ project, actor, promptId: prompt!.id, label: "production", version: 2 });
    await reviewChangeRequest({ project, userId: reviewer.id, promptId: prompt!.id, changeRequestId: changeRequest.id, verdict: "approve", body: "No made-up offers on the golden set's questions." });
    await mergeChangeRequest({ project, userId: owner.userId, promptId: prompt!.id, changeRequestId: changeRequest.id });
  }
  const promptId = prompt!.id;
  if (!(await db.promptPolicy.findUnique({ where: { projectId_promptId_label: { projectId, promptId, label: "production" } }, select: { label: true } }))) {
    await updatePromptPolicy({
      project, actor, promptId, label: "production",
      policy: {
        requiredApprovals: 1, approverRoles: ["owner", "admin"], approverUserIds: [], allowSelfApproval: false, autoMerge: false, requirePassingRun: false,
        runGate: { datasetId, connection: DEMO_RAG_CONNECTION, model: "gpt-4o-mini", evaluators: [{ type: "faithfulness", escalation: { model: "gpt-4o" } }], minPassRate: 0, scoreGates: [DEMO_FAITHFULNESS_GATE] },
      },
    });
  }
  return { datasetId, promptId };
}

/** The golden set, and one item per question promoted from the first demo RAG trace that asked it (skipped when an item already came from that trace). */
async function ensureGoldenSet(projectId: string, userId: string): Promise<string> {
  const found = await db.dataset.findUnique({ where: { projectId_name: { projectId, name: DEMO_RAG_GOLDEN_SET } }, select: { id: true } });
  const datasetId = found?.id ?? (await createDataset({ projectId, userId, input: { name: DEMO_RAG_GOLDEN_SET, description: "Help-center questions support-rag must answer from the retrieved articles alone (promoted from RAG traces, with their documents as contexts)." } })).id;
  for (const question of DEMO_RAG_GOLDEN_QUESTIONS) {
    const trace = await db.trace.findFirst({ where: { projectId, traceName: "rag-answer", tags: { has: "rag" }, input: { path: ["question"], equals: question } }, orderBy: [{ startTime: "asc" }, { id: "asc" }], select: { id: true, output: true } });
    if (!trace) continue; // the RAG traces are written first (seed-demo-rag.ts); without them there is nothing to promote
    if (await db.datasetItem.findFirst({ where: { projectId, datasetId, sourceTraceId: trace.id }, select: { itemId: true } })) continue;
    const answer = (trace.output as { answer?: string } | null)?.answer ?? null;
    await promoteToDataset({ projectId, userId, input: { datasetId, traceId: trace.id, expectedOutput: answer, metadata: { language: /[가-힣]/.test(question) ? "ko" : "en" } } });
  }
  return datasetId;
}
