import "server-only";
import { writeAuditLog } from "../audit/write-audit-log";
import { db } from "../db";
import { sqlPool } from "../db-sql-pool";
import { cosine } from "../evaluators/embedding-similarity";
import { embedOffline } from "../drift/math/offline-embedder";
import { sentencesOf } from "../evaluators/rag/rag-text";
import { ingest } from "../ingest/ingest";
import type { ScoreRow } from "../ingest/rows";
import { APPLY_TRIAGE_RULES_SQL, applyTriageRulesParams } from "../ingest/sql/apply-triage-rules";
import type { NormalizedSpan } from "../ingest/types";
import { toJsonValue } from "../json";
import { insertEvalScores } from "../online-evals/eval-score-rows";
import { onlineScoreId } from "../online-evals/sample";
import { createOnlineEvalRule } from "../online-evals/save-online-eval-rule";
import { effectiveTriageRules } from "../triage/rules";

export const DEMO_RAG_CONNECTION = "demo-judge";
export const DEMO_FAITHFULNESS_RULE = "RAG faithfulness";
export const DEMO_RELEVANCY_RULE = "RAG answer relevancy";

/** The demo help center the RAG bot retrieves from (English and Korean articles). */
const KB = [
  { id: "kb-refunds", content: "Refunds are issued to the original payment method within 5 business days. Refunds for orders paid by gift card go back to the gift card.", metadata: { title: "Refunds", lang: "en" } },
  { id: "kb-shipping", content: "Standard shipping is free on orders over $50. Express shipping costs $12 and arrives in 2 business days.", metadata: { title: "Shipping", lang: "en" } },
  { id: "kb-address", content: "You can change the shipping address from the order page until the item ships. After shipping, contact the carrier.", metadata: { title: "Changing an order", lang: "en" } },
  { id: "kb-ko-refunds", content: "환불은 영업일 기준 5일 이내에 원래 결제 수단으로 처리됩니다. 기프트카드 결제는 기프트카드로 환불됩니다.", metadata: { title: "환불", lang: "ko" } },
  { id: "kb-ko-shipping", content: "5만 원 이상 주문은 무료 배송입니다. 특급 배송은 2영업일 안에 도착합니다.", metadata: { title: "배송", lang: "ko" } },
  { id: "kb-password", content: "Use Forgot password on the sign-in page. The emailed link is valid for 30 minutes.", metadata: { title: "Password", lang: "en" } },
];

/**
 * Each case: the question, the articles retrieved (in rank order, with similarity), the answer's
 * sentences and which of them the articles do not support (the bot made them up), and questions
 * the answer would answer (for answer relevancy).
 */
const CASES = [
  { q: "How long does a refund take?", docs: ["kb-refunds", "kb-shipping", "kb-address"], answer: ["Refunds are issued to the original payment method within 5 business days.", "You will also get a 10% coupon for the wait."], made: [1], asked: ["How long do refunds take?", "When will I get my refund?"] },
  { q: "Is shipping free?", docs: ["kb-shipping", "kb-refunds", "kb-address"], answer: ["Standard shipping is free on orders over $50.", "Express shipping costs $12 and arrives in 2 business days."], made: [], asked: ["Is shipping free?", "How much does express shipping cost?"] },
  { q: "Can I change my address after ordering?", docs: ["kb-address", "kb-shipping", "kb-refunds"], answer: ["You can change the shipping address from the order page until the item ships.", "After it ships, we reroute it for free."], made: [1], asked: ["Can I change the shipping address?", "How do I change my address after ordering?"] },
  { q: "환불은 얼마나 걸리나요?", docs: ["kb-ko-refunds", "kb-ko-shipping", "kb-refunds"], answer: ["환불은 영업일 기준 5일 이내에 원래 결제 수단으로 처리됩니다."], made: [], asked: ["환불은 얼마나 걸리나요?", "환불 기간이 어떻게 되나요?"] },
  { q: "무료 배송 기준이 뭔가요?", docs: ["kb-ko-shipping", "kb-ko-refunds", "kb-shipping"], answer: ["5만 원 이상 주문은 무료 배송입니다.", "회원은 금액과 상관없이 항상 무료입니다."], made: [1], asked: ["무료 배송 기준이 뭔가요?", "배송비가 무료인 조건은?"] },
  { q: "I forgot my password.", docs: ["kb-password", "kb-address", "kb-refunds"], answer: ["Use Forgot password on the sign-in page.", "The emailed link is valid for 30 minutes."], made: [], asked: ["How do I reset my password?", "What do I do if I forgot my password?"] },
];

const MODELS = ["gpt-4o-mini", "gpt-4o"];
const PER_CASE = 4;

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}
const hex = (n: number, r: () => number) => Array.from({ length: n }, () => Math.floor(r() * 16).toString(16)).join("");

/**
 * The demo's RAG traces — a help-center bot whose retriever returns articles with their
 * content and similarity, answering in English and Korean, some answers with a sentence the
 * articles do not support — and what the two online RAG rules write for them: faithfulness
 * (statements, verdicts and the passages checked, for the trace view) and answer relevancy,
 * scores with source eval on the answering LLM span; with the inbox rule "faithfulness below
 * 0.7" on, the made-up answers land in the inbox. The demo has no model, so the rules point at
 * a keyless connection and are off (enable them once it points at a real model), and their
 * scores here are computed offline the way the evaluators define them: each answer sentence is
 * one statement, supported when an article states it, and relevancy is the offline embedder's
 * similarity of hand-written questions the answer answers. Idempotent: fixed ids and seeds.
 */
export async function seedDemoRag(options: { projectId: string; now: Date }) {
  const { projectId, now } = options;
  const project = await db.project.findUniqueOrThrow({ where: { id: projectId }, select: { id: true, orgId: true } });
  const owner = await db.membership.findFirstOrThrow({ where: { orgId: project.orgId, role: "owner" }, orderBy: { createdAt: "asc" }, select: { userId: true } });
  await ensureConnection(project, owner.userId);
  const faithfulness = await ensureRule(project, owner.userId, DEMO_FAITHFULNESS_RULE, { type: "faithfulness", escalation: { model: "gpt-4o" } }, now);
  const relevancy = await ensureRule(project, owner.userId, DEMO_RELEVANCY_RULE, { type: "answer_relevancy", k: 2 }, now);
  await enableFaithfulnessInbox(project, owner.userId);

  const r = rng(1717);
  const spans: NormalizedSpan[] = [];
  const scores: ScoreRow[] = [];
  const details: string[] = [];
  let traces = 0;
  CASES.forEach((c, ci) => {
    for (let k = 0; k < PER_CASE; k++) {
      const traceId = hex(32, r);
      const [root, retriever, llm] = [hex(16, r), hex(16, r), hex(16, r)];
      const start = new Date(now.getTime() - (3 * 86_400_000 * (ci * PER_CASE + k + 1)) / (CASES.length * PER_CASE) - 60_000);
      const at = (ms: number) => new Date(start.getTime() + ms);
      const model = MODELS[k % 2]!;
      const promptVersion = k < 2 ? 1 : 2;
      const docs = c.docs.map((id, rank) => ({ ...KB.find((d) => d.id === id)!, score: Math.round((0.91 - rank * 0.12 - r() * 0.04) * 1000) / 1000 }));
      // Version 2 drops the made-up sentence on the first case only: the overview shows it improving there.
      const made = promptVersion === 2 && ci === 0 ? [] : c.made;
      const sentences = c.answer.filter((_, i) => !(promptVersion === 2 && ci === 0 && i === 1));
      const answer = sentences.join(" ");
      const common = { traceId, userId: `rag-user-${(ci * 7 + k) % 11}`, sessionId: null, environment: "production", release: "2026.12", tags: ["rag", "demo"], metadata: {}, traceName: "rag-answer",
        ttftMs: null, model: null, provider: null, modelParameters: null, promptName: null, promptVersion: null, level: "DEFAULT" as const, statusMessage: null,
        usage: { inputTokens: null, outputTokens: null, cachedInputTokens: null, reasoningTokens: null, totalTokens: null } };
      spans.push(
        { ...common, id: root, parentId: null, kind: "chain", name: "rag-answer", startTime: at(0), endTime: at(1900), input: { question: c.q }, output: { answer } },
        { ...common, id: retriever, parentId: root, kind: "retriever", name: "search-help-center", startTime: at(10), endTime: at(240), input: c.q, output: docs },
        { ...common, id: llm, parentId: root, kind: "llm", name: "answer", startTime: at(260), endTime: at(1850), model, provider: "openai", promptName: "support-rag", promptVersion,
          input: [{ role: "system", content: `Answer only from the articles (support-rag v${promptVersion}).\n${docs.map((d, i) => `[${i + 1}] ${d.content}`).join("\n")}` }, { role: "user", content: c.q }],
          output: { role: "assistant", content: answer }, usage: { inputTokens: 420 + ci * 13, outputTokens: 40 + Math.round(answer.length / 4), cachedInputTokens: null, reasoningTokens: null, totalTokens: null } },
      );
      const split = sentencesOf(answer);
      const statements = split.map((text, i) => {
        const supported = !made.includes(i);
        const best = docs.findIndex((d) => d.content.includes(text.replace(/[.]$/, "")));
        return { sentence: i + 1, text: text.replace(/[.]$/, ""), supported, reason: supported ? `stated in passage ${best + 1}` : "none of the passages says this", tier: supported ? "cheap" : "strong", overlap: supported ? 1 : 0.2, bestPassage: supported ? best : 0, escalated: supported ? null : "demo" };
      });
      const faith = statements.filter((s) => s.supported).length / statements.length;
      const scoredAt = at(70_000);
      scores.push({ projectId, id: onlineScoreId(faithfulness, traceId), traceId, spanId: llm, name: "faithfulness", numberValue: Math.round(faith * 1e6) / 1e6, stringValue: null, dataType: "NUMERIC", source: "eval",
        comment: `${statements.filter((s) => s.supported).length} of ${statements.length} statements are supported by the context (demo: computed offline)`, createdAt: scoredAt });
      details.push(JSON.stringify({
        evaluator: "faithfulness", spanId: llm, model: "gpt-4o-mini", sentences: split, statements, unsupportedSentences: statements.filter((s) => !s.supported).map((s) => s.sentence),
        passages: docs.map((d, i) => ({ position: i, id: d.id, content: d.content })), documents: docs.map((d, i) => ({ spanId: retriever, position: i, id: d.id })),
      }));
      const q = embedOffline(c.q);
      const similarities = c.asked.map((a) => Math.round(Math.max(0, cosine(q, embedOffline(a))) * 1e6) / 1e6);
      const relevance = Math.round((similarities.reduce((a, b) => a + b, 0) / similarities.length) * 1e6) / 1e6;
      scores.push({ projectId, id: onlineScoreId(relevancy, traceId), traceId, spanId: llm, name: "answer_relevancy", numberValue: relevance, stringValue: null, dataType: "NUMERIC", source: "eval",
        comment: `generated questions are ${relevance.toFixed(3)} similar to the question on average (offline embedder; demo questions written by hand)`, createdAt: scoredAt });
      details.push(JSON.stringify({ evaluator: "answer_relevancy", spanId: llm, embedder: "offline", question: c.q, generated: c.asked, similarities, noncommittal: false }));
      traces++;
    }
  });
  await ingest(projectId, { spans, scores: [] });
  await writeScores(scores, details);
  return { traces, faithfulnessRuleId: faithfulness, relevancyRuleId: relevancy };
}

/** The scores and, for the traces they touch, the inbox rules (a low faithfulness opens an item), in one transaction. */
async function writeScores(scores: ScoreRow[], details: string[]) {
  const client = await sqlPool().connect();
  try {
    await client.query("begin");
    await insertEvalScores(client, scores, details);
    const triage = applyTriageRulesParams({ spans: [], scores });
    if (triage) await client.query(APPLY_TRIAGE_RULES_SQL, triage);
    await client.query("commit");
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** A keyless connection for the RAG rules (the demo calls no model); written directly: saving through the service would resolve the host. */
async function ensureConnection(project: { id: string; orgId: string }, userId: string) {
  if (await db.llmConnection.findUnique({ where: { projectId_name: { projectId: project.id, name: DEMO_RAG_CONNECTION } }, select: { id: true } })) return;
  await db.$transaction(async (tx) => {
    const row = await tx.llmConnection.create({ data: { projectId: project.id, name: DEMO_RAG_CONNECTION, baseUrl: "https://api.openai.com/v1", models: ["gpt-4o-mini", "gpt-4o"], createdById: userId } });
    await writeAuditLog(tx, { orgId: project.orgId, projectId: project.id, actorUserId: userId, action: "llm_connection.create", resourceType: "llm_connection", resourceId: row.id, after: toJsonValue({ name: row.name, baseUrl: row.baseUrl, models: row.models, demo: true }) });
  });
}

async function ensureRule(project: { id: string; orgId: string }, userId: string, name: string, evaluator: Record<string, unknown> & { type: string }, now: Date): Promise<string> {
  const found = await db.onlineEvalRule.findUnique({ where: { projectId_name: { projectId: project.id, name } }, select: { id: true } });
  if (found) return found.id;
  const rule = await createOnlineEvalRule({
    project, actor: { userId }, backfillFrom: now,
    input: { name, enabled: false, sampleRate: 100, filter: { environment: "production" }, evaluator, connection: DEMO_RAG_CONNECTION, model: "gpt-4o-mini" },
  });
  return rule.id;
}

/** The inbox rule "faithfulness below 0.7", on top of whatever rules the project has. */
async function enableFaithfulnessInbox(project: { id: string; orgId: string }, userId: string) {
  const settings = await db.projectSettings.findUnique({ where: { projectId: project.id }, select: { triageRules: true } });
  const rules = effectiveTriageRules(settings?.triageRules ?? null);
  if (rules.faithfulness.enabled) return;
  const { updateTriageRules } = await import("../triage/update-triage-rules");
  await updateTriageRules({ project, actorUserId: userId, rules: { ...rules, faithfulness: { enabled: true, below: 0.7 } } });
}
