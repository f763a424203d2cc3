import { seededRng } from "../drift/math/rng";
import { sampleQuestion } from "../drift/math/sample-texts";
import { ingest } from "../ingest/ingest";
import type { ScoreRow } from "../ingest/rows";
import type { NormalizedSpan } from "../ingest/types";

// Seeded so every fresh demo looks the same.
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const QUESTIONS = [
  "How do I get a refund for my last order?",
  "Can I change the shipping address after checkout?",
  "Why was my card declined?",
  "What is your return policy for opened items?",
  "주문한 상품은 언제 도착하나요?",
  "환불은 보통 며칠 걸리나요?",
  "배송지 주소를 변경할 수 있나요?",
  "결제가 두 번 된 것 같아요. 확인해 주세요.",
];
const PII_QUESTIONS = [
  "My email is minji.kim@example.co.kr, please send the invoice there.",
  "제 번호 010-2345-6789로 연락 주세요.",
  "Charge card 4111 1111 1111 1111 again please",
];
const ANSWERS = [
  "Refunds are issued to the original payment method within 5 business days.",
  "You can update the address from the order page until the item ships.",
  "I'm not sure about that one; let me connect you with a human agent.",
  "환불은 영업일 기준 3~5일 이내에 처리됩니다.",
  "배송지는 출고 전까지 주문 상세 페이지에서 변경할 수 있습니다.",
  "잘 모르겠습니다. 상담원에게 연결해 드릴게요.",
];
const MODELS = [
  { model: "gpt-4o-mini", provider: "openai", weight: 0.5, base: 900 },
  { model: "gpt-4o", provider: "openai", weight: 0.25, base: 1600 },
  { model: "claude-3-5-sonnet-20241022", provider: "anthropic", weight: 0.25, base: 1900 },
];
const COMMENTS_UP = ["Exactly what I needed", "빠르고 정확해요", "Helpful!"];
const COMMENTS_DOWN = ["Wrong refund window", "답변이 틀렸어요", "Too slow"];

/** Hours before "now" in which the demo's questions drift (see the Drift page). */
const DRIFT_HOURS = 30;

const hex = (n: number, r: () => number) => Array.from({ length: n }, () => Math.floor(r() * 16).toString(16)).join("");

/** About seven days of realistic support-bot traces, sent through the real ingest pipeline. */
export async function seedDemoTraces(options: { projectId: string; days?: number; perDay?: number; now?: Date }) {
  const { projectId } = options;
  const r = rng(7);
  // Score ids from their own stream: seeding again with the same `now` writes the very same
  // rows (a resumed first start relies on it), and the main stream stays as it was.
  const scoreIds = rng(11);
  // A separate stream for the drift, so the rest of the demo stays exactly as before.
  const drift = seededRng(17);
  const driftSince = (options.now ?? new Date()).getTime() - DRIFT_HOURS * 3_600_000;
  const days = options.days ?? 7;
  const perDay = options.perDay ?? 160;
  const now = options.now ?? new Date();
  let spans: NormalizedSpan[] = [];
  let scores: Omit<ScoreRow, "projectId">[] = [];
  let traces = 0;
  const flush = async () => {
    await ingest(projectId, { spans, scores });
    spans = [];
    scores = [];
  };
  for (let i = 0; i < days * perDay; i++) {
    const start = new Date(now.getTime() - r() * days * 86_400_000);
    const traceId = hex(32, r);
    const rootId = hex(16, r);
    const retrieverId = hex(16, r);
    const llmId = hex(16, r);
    const pick = r();
    const m = pick < MODELS[0]!.weight ? MODELS[0]! : pick < MODELS[0]!.weight + MODELS[1]!.weight ? MODELS[1]! : MODELS[2]!;
    const promptVersion = start.getTime() > now.getTime() - 3 * 86_400_000 ? 2 : 1;
    const pii = r() < 0.03;
    let question = pii ? PII_QUESTIONS[Math.floor(r() * PII_QUESTIONS.length)]! : QUESTIONS[Math.floor(r() * QUESTIONS.length)]!;
    // The drift page's demo: in the last day and a bit, most questions become Korean refund requests.
    if (!pii && start.getTime() >= driftSince && drift() < 0.75) question = sampleQuestion(drift, "ko-refund");
    const answer = ANSWERS[Math.floor(r() * ANSWERS.length)]!;
    const error = r() < 0.04;
    const slow = r() < 0.05;
    const llmMs = Math.round(m.base * (0.6 + r()) * (slow ? 8 : 1) * (promptVersion === 2 ? 0.85 : 1));
    const retrieveMs = Math.round(40 + r() * 120);
    const at = (ms: number) => new Date(start.getTime() + ms);
    const inputTokens = Math.round(600 + r() * 1400);
    const outputTokens = error ? 0 : Math.round(80 + r() * 400);
    const common = {
      userId: `user-${1 + Math.floor(r() * 40)}`, sessionId: `session-${Math.floor(i / 3)}`, environment: r() < 0.85 ? "production" : "staging",
      release: promptVersion === 2 ? "v1.4.0" : "v1.3.2", promptName: "support-answer", promptVersion, tags: ["support", /[가-힣]/.test(question) ? "ko" : "en"],
      metadata: {}, traceName: null, ttftMs: null, model: null, provider: null, modelParameters: null, statusMessage: null, level: "DEFAULT" as const,
      usage: { inputTokens: null, outputTokens: null, cachedInputTokens: null, reasoningTokens: null, totalTokens: null },
    };
    spans.push(
      { ...common, id: rootId, traceId, parentId: null, kind: "chain", name: "support-answer", startTime: at(0), endTime: at(retrieveMs + llmMs + 30), input: { question }, output: error ? null : { answer }, traceName: "support-answer",
        level: error ? "ERROR" : "DEFAULT", statusMessage: error ? "upstream model error" : null },
      { ...common, id: retrieverId, traceId, parentId: rootId, kind: "retriever", name: "search-help-center", startTime: at(5), endTime: at(5 + retrieveMs), input: question, output: [{ id: "kb-12", score: 0.82 }, { id: "kb-7", score: 0.74 }] },
      { ...common, id: llmId, traceId, parentId: rootId, kind: "llm", name: "chat", startTime: at(retrieveMs + 10), endTime: at(retrieveMs + 10 + llmMs),
        ttftMs: error ? null : Math.round(llmMs * (0.15 + r() * 0.2)), model: m.model, provider: m.provider, modelParameters: { temperature: promptVersion === 2 ? 0.2 : 0.7 },
        input: [{ role: "system", content: `You are a support agent (prompt v${promptVersion}).` }, { role: "user", content: question }],
        output: error ? null : { role: "assistant", content: answer },
        usage: { inputTokens, outputTokens, cachedInputTokens: null, reasoningTokens: null, totalTokens: inputTokens + outputTokens },
        level: error ? "ERROR" : "DEFAULT", statusMessage: error ? (r() < 0.5 ? "429 Rate limit exceeded" : "context_length_exceeded") : null },
    );
    if (!error && r() < 0.25) {
      const up = r() < (answer.includes("not sure") || answer.includes("모르겠") ? 0.2 : 0.8);
      const comments = up ? COMMENTS_UP : COMMENTS_DOWN;
      scores.push({ id: hex(16, scoreIds), traceId, spanId: null, name: "user_feedback", numberValue: up ? 1 : 0, stringValue: null, dataType: "BOOLEAN",
        source: "user_feedback", comment: r() < 0.5 ? comments[Math.floor(r() * comments.length)]! : null, createdAt: at(retrieveMs + llmMs + 5_000) });
    }
    traces++;
    if (spans.length >= 900) await flush();
  }
  await flush();
  return { traces };
}
