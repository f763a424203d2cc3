// Synthetic but realistic LLM spans for the ingest benchmarks, in three trace shapes (WORKLOADS).
// Every body builder (batch JSON, OTLP protobuf, OTLP JSON) and the COPY baseline read the same
// BenchSpan, so each path stores the same rows.
import { randomBytes } from "node:crypto";
import { ExportTraceServiceRequest } from "../../lib/ingest/otlp/otlp-proto";

const SYSTEM = "You are a helpful support agent for an online store. Answer briefly, cite the policy you rely on, and never ask for card numbers.";
const QUESTIONS = [
  "How do refunds work for annual plans? I paid for a year in March and want to cancel now; do I get the unused months back?",
  "환불은 보통 며칠 걸리나요? 지난주에 연간 요금제를 해지했는데 아직 카드사에 환불 내역이 보이지 않습니다.",
  "Can I change my shipping address after the order has been packed? The parcel is going to my old office.",
  "카드 결제가 두 번이나 거절된 이유가 뭔가요? 한도는 충분하고 해외 결제도 켜져 있습니다.",
];
const ANSWERS = [
  "Annual plans are refunded pro rata: you get the unused whole months back to the original payment method within five business days of cancelling. The refund policy (section 4.2) applies to plans bought in the last twelve months.",
  "환불은 해지 후 영업일 기준 3~5일 안에 원래 결제 수단으로 처리됩니다. 카드사에 따라 내역 반영이 최대 7일까지 늦어질 수 있으며, 그 이후에도 보이지 않으면 주문 번호와 함께 고객센터로 문의해 주세요.",
  "Once an order is packed the address can still be changed until the carrier collects it, usually the same afternoon. Open the order, choose “Change address”, and we will relabel the parcel; after pickup the carrier's redirect service is the only option.",
  "결제 거절은 대부분 카드사의 이상 거래 탐지 때문입니다. 한도와 해외 결제 설정이 정상이라면 카드사에 승인 보류 내역을 확인해 달라고 요청한 뒤 다시 시도해 주세요. 같은 카드로 세 번 이상 거절되면 24시간 동안 결제가 제한됩니다.",
];

/**
 * The trace shapes measured:
 * - `agent`: four spans, a root carrying only the short question and three LLM calls with messages
 *   (the benchmark's original workload);
 * - `single-call`: one GenAI span per trace with ~600 characters of messages, what an instrumented
 *   OpenAI call sends — the most common shape in production;
 * - `messages-everywhere`: four spans, every one carrying the full messages.
 */
export const WORKLOADS = ["agent", "single-call", "messages-everywhere"] as const;
export type Workload = (typeof WORKLOADS)[number];

export type BenchSpan = {
  traceId: string; spanId: string; parentId: string | null; start: number; end: number; model: string;
  /** An LLM call (GenAI attributes, usage, messages) or a plain root span. */
  llm: boolean;
  input: unknown; output: unknown;
};

const messagesIn = (i: number) => [{ role: "system", content: SYSTEM }, { role: "user", content: QUESTIONS[i % QUESTIONS.length]! }];
const messageOut = (i: number) => ({ role: "assistant", content: ANSWERS[i % ANSWERS.length]! });

/** `count` spans of the given shape, starting `t0` and 3 ms apart. */
export function makeSpans(count: number, t0 = Date.now() - 3_600_000, workload: Workload = "agent"): BenchSpan[] {
  const perTrace = workload === "single-call" ? 1 : 4;
  const spans: BenchSpan[] = [];
  let traceId = "";
  let rootId = "";
  let question = 0;
  for (let i = 0; i < count; i++) {
    const root = i % perTrace === 0;
    if (root) {
      traceId = randomBytes(16).toString("hex");
      rootId = randomBytes(8).toString("hex");
      question = i / perTrace;
    }
    const llm = workload !== "agent" || !root;
    const start = t0 + i * 3;
    spans.push({
      traceId, spanId: root ? rootId : randomBytes(8).toString("hex"), parentId: root ? null : rootId, start, end: start + 400 + (i % 17) * 50,
      model: i % 2 ? "gpt-4o-mini" : "gpt-4o", llm,
      input: llm ? messagesIn(question) : { question: QUESTIONS[question % QUESTIONS.length] },
      output: llm ? messageOut(question) : null,
    });
  }
  return spans;
}

/** Batch API request bodies of `size` events. */
export function batchJsonBodies(spans: BenchSpan[], size: number): string[] {
  const bodies: string[] = [];
  for (let i = 0; i < spans.length; i += size) {
    const batch = spans.slice(i, i + size).map((s) => ({
      id: `ev-${s.spanId}`,
      type: s.llm ? "generation" : "span",
      body: {
        id: s.spanId, traceId: s.traceId, parentId: s.parentId, name: s.llm ? "chat" : "answer", startTime: new Date(s.start).toISOString(), endTime: new Date(s.end).toISOString(),
        input: s.input,
        ...(s.llm ? { model: s.model, provider: "openai", output: s.output, usage: { input: 420, output: 180 }, environment: "production" } : {}),
      },
    }));
    bodies.push(JSON.stringify({ batch }));
  }
  return bodies;
}

const str = (key: string, value: string) => ({ key, value: { stringValue: value } });
const int = (key: string, value: number) => ({ key, value: { intValue: value } });
const ns = (ms: number) => BigInt(ms) * 1_000_000n;

/** One span's OTLP attributes: the GenAI conventions for LLM calls, OpenInference `input.value` for the root. */
function attributes(s: BenchSpan) {
  if (!s.llm) return [str("input.value", (s.input as { question: string }).question)];
  const out = s.output as { role: string; content: string };
  return [str("gen_ai.operation.name", "chat"), str("gen_ai.provider.name", "openai"), str("gen_ai.request.model", s.model), int("gen_ai.usage.input_tokens", 420), int("gen_ai.usage.output_tokens", 180),
    str("gen_ai.input.messages", JSON.stringify(s.input)), str("gen_ai.output.messages", JSON.stringify([{ role: out.role, parts: [{ type: "text", content: out.content }] }])),
    str("deployment.environment.name", "production")];
}

/** OTLP protobuf request bodies of `size` spans. */
export function otlpProtobufBodies(spans: BenchSpan[], size: number): Uint8Array[] {
  return otlpRequests(spans, size).map((request) => ExportTraceServiceRequest.encode(ExportTraceServiceRequest.fromObject(request)).finish());
}

/** OTLP/JSON request bodies of `size` spans (ids in hex, times as decimal strings), as the OTel JS HTTP/JSON exporter sends them. */
export function otlpJsonBodies(spans: BenchSpan[], size: number): string[] {
  // The replacer sees a Buffer after its toJSON ran, so it reads the holder's own property.
  return otlpRequests(spans, size).map((request) => JSON.stringify(request, function (this: Record<string, unknown>, key: string, value: unknown) {
    const raw = this[key];
    return Buffer.isBuffer(raw) ? raw.toString("hex") : value;
  }));
}

function otlpRequests(spans: BenchSpan[], size: number) {
  const requests = [];
  for (let i = 0; i < spans.length; i += size) {
    const protoSpans = spans.slice(i, i + size).map((s) => ({
      traceId: Buffer.from(s.traceId, "hex"), spanId: Buffer.from(s.spanId, "hex"), parentSpanId: s.parentId ? Buffer.from(s.parentId, "hex") : Buffer.alloc(0),
      name: s.llm ? `chat ${s.model}` : "answer", kind: 3, startTimeUnixNano: ns(s.start).toString(), endTimeUnixNano: ns(s.end).toString(),
      attributes: attributes(s), status: { code: 0 },
    }));
    requests.push({ resourceSpans: [{ resource: { attributes: [str("service.name", "bench")] }, scopeSpans: [{ scope: { name: "bench" }, spans: protoSpans }] }] });
  }
  return requests;
}
