import { db } from "../db";
import { seededRng } from "../drift/math/rng";
import { sampleQuestion } from "../drift/math/sample-texts";
import { ingest } from "../ingest/ingest";
import type { ScoreRow } from "../ingest/rows";
import type { NormalizedSpan } from "../ingest/types";
import { createPromptVersion } from "../prompts/create-prompt-version";
import { mergeChangeRequest } from "../prompts/merge-change-request";
import { proposeLabelChange } from "../prompts/propose-label-change";
import { reviewChangeRequest } from "../prompts/review-change-request";
import { rollbackLabel } from "../prompts/rollback-label";
import { startCanary } from "../prompts/start-canary";

export const DEMO_REVIEWER_EMAIL = "reviewer@pharos.local";
const NAME = "support-answer";
const CANARY_HOURS = 6;

const system = (text: string) => ({ role: "system", content: text });
const VERSIONS = [
  { commitMessage: "First version", config: { model: "gpt-4o-mini", temperature: 0.7 }, system: "You are a support agent for {{company}}. Answer the customer's question." },
  { commitMessage: "Cite the help-center article; lower temperature", config: { model: "gpt-4o-mini", temperature: 0.2 }, system: "You are a support agent for {{company}}. Answer the customer's question using the help-center articles below and cite the one you used.\n\n{{#articles}}- {{title}}: {{summary}}\n{{/articles}}" },
  { commitMessage: "Answer in the customer's language, two sentences at most", config: { model: "gpt-4o-mini", temperature: 0.2, maxTokens: 300 }, system: "You are a support agent for {{company}}. Reply in the customer's language, in two sentences at most, and cite the help-center article you used.\n\n{{#articles}}- {{title}}: {{summary}}\n{{/articles}}" },
];

/**
 * The demo's prompts, through the same services as the UI (lib/prompts is the only writer):
 * support-answer v1–v3; production → v2 after a merge, a rollback and a re-merge; a pending
 * change request for v3 on production with a reviewer's comment; staging → v2 with an active
 * canary of v3 (20 %) started six hours before `now`, and some v3 traffic since. A second
 * member ("Demo Reviewer", no password) approves, since authors may not approve their own change.
 * Idempotent: does nothing when the prompt exists; the traffic has fixed ids.
 */
export async function seedDemoPrompts(options: { projectId: string; now: Date }) {
  const { projectId, now } = options;
  const project = await db.project.findUniqueOrThrow({ where: { id: projectId }, select: { id: true, orgId: true } });
  await seedCanaryTraffic(projectId, now);
  if (await db.prompt.findUnique({ where: { projectId_name: { projectId, name: NAME } } })) return { created: false };
  const owner = await db.membership.findFirstOrThrow({ where: { orgId: project.orgId, role: "owner" }, orderBy: { createdAt: "asc" }, select: { userId: true } });
  const reviewer = await db.user.upsert({ where: { email: DEMO_REVIEWER_EMAIL }, create: { email: DEMO_REVIEWER_EMAIL, name: "Demo Reviewer" }, update: {}, select: { id: true } });
  await db.membership.upsert({ where: { orgId_userId: { orgId: project.orgId, userId: reviewer.id } }, create: { orgId: project.orgId, userId: reviewer.id, role: "admin" }, update: {} });
  const actor = { userId: owner.userId };

  let promptId = "";
  for (const v of VERSIONS) {
    const saved = await createPromptVersion({
      project, actor,
      input: { name: NAME, type: "chat", template: [system(v.system), { type: "placeholder", name: "history" }, { role: "user", content: "{{question}}" }], config: v.config, commitMessage: v.commitMessage, description: "Answers customer support questions", tags: ["support"] },
    });
    promptId = saved.prompt.id;
  }
  const ship = async (label: string, version: number, approve: boolean) => {
    const { changeRequest } = await proposeLabelChange({ project, actor, promptId, label, version });
    if (approve) await reviewChangeRequest({ project, userId: reviewer.id, promptId, changeRequestId: changeRequest.id, verdict: "approve", body: "Checked a dozen traces, looks good." });
    await mergeChangeRequest({ project, userId: owner.userId, promptId, changeRequestId: changeRequest.id });
  };
  await ship("production", 1, true);
  await ship("production", 2, true);
  await rollbackLabel({ project, actor, promptId, label: "production", version: 1, reason: "v2 quoted the wrong refund window to Korean customers" });
  await ship("production", 2, true);
  const pending = await proposeLabelChange({ project, actor, promptId, label: "production", version: 3, description: "Shorter answers in the customer's language" });
  await reviewChangeRequest({ project, userId: reviewer.id, promptId, changeRequestId: pending.changeRequest.id, verdict: "comment", body: "Shorter is better. Let's watch the staging canary for a day before approving." });
  await ship("staging", 2, false);
  await startCanary({ project, userId: owner.userId, role: "owner", promptId, label: "staging", version: 3, percent: 20, guard: { minCalls: 200, minVotes: 30, errorRatePValue: 0.01 }, startedAt: new Date(now.getTime() - CANARY_HOURS * 3_600_000) });
  return { created: true };
}

/** About 60 staging calls of v3 in the canary's six hours, with its own seeded stream (fixed ids: re-running writes nothing twice). */
async function seedCanaryTraffic(projectId: string, now: Date) {
  const r = seededRng(23);
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(r() * 16).toString(16)).join("");
  const spans: NormalizedSpan[] = [];
  const scores: Omit<ScoreRow, "projectId">[] = [];
  for (let i = 0; i < 60; i++) {
    const start = new Date(now.getTime() - r() * CANARY_HOURS * 3_600_000);
    const traceId = hex(32);
    const rootId = hex(16);
    const llmId = hex(16);
    const question = sampleQuestion(r, "ko-refund");
    const llmMs = Math.round(700 * (0.6 + r()));
    const inputTokens = Math.round(500 + r() * 900);
    const outputTokens = Math.round(40 + r() * 120);
    const common = {
      userId: `user-${1 + Math.floor(r() * 40)}`, sessionId: `canary-session-${i}`, environment: "staging", release: "v1.5.0-rc1", promptName: NAME, promptVersion: 3,
      tags: ["support", "ko", "canary"], metadata: {}, traceName: null, ttftMs: null, model: null, provider: null, modelParameters: null, statusMessage: null, level: "DEFAULT" as const,
      usage: { inputTokens: null, outputTokens: null, cachedInputTokens: null, reasoningTokens: null, totalTokens: null },
    };
    const answer = "환불은 영업일 기준 3~5일 이내에 처리됩니다 (도움말: 환불 안내).";
    spans.push(
      { ...common, id: rootId, traceId, parentId: null, kind: "chain", name: NAME, startTime: start, endTime: new Date(start.getTime() + llmMs + 40), input: { question }, output: { answer }, traceName: NAME },
      { ...common, id: llmId, traceId, parentId: rootId, kind: "llm", name: "chat", startTime: new Date(start.getTime() + 20), endTime: new Date(start.getTime() + 20 + llmMs),
        ttftMs: Math.round(llmMs * 0.2), model: "gpt-4o-mini", provider: "openai", modelParameters: { temperature: 0.2, max_tokens: 300 },
        input: [{ role: "system", content: "You are a support agent (prompt v3)." }, { role: "user", content: question }], output: { role: "assistant", content: answer },
        usage: { inputTokens, outputTokens, cachedInputTokens: null, reasoningTokens: null, totalTokens: inputTokens + outputTokens } },
    );
    if (r() < 0.3) scores.push({ id: hex(16), traceId, spanId: null, name: "user_feedback", numberValue: 1, stringValue: null, dataType: "BOOLEAN", source: "user_feedback", comment: null, createdAt: new Date(start.getTime() + llmMs + 5_000) });
  }
  await ingest(projectId, { spans, scores });
}
