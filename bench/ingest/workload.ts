// Synthetic but realistic LLM spans for the ingest benchmark: ~1 KB chat payloads with usage.
import { randomBytes } from "node:crypto";
import { ExportTraceServiceRequest } from "../../lib/ingest/otlp/otlp-proto";

const QUESTIONS = ["How do refunds work for annual plans?", "환불은 보통 며칠 걸리나요?", "Can I change my shipping address?", "Why was my card declined twice?"];
const ANSWER = "Refunds are issued to the original payment method within five business days. ".repeat(6);

export type BenchSpan = { traceId: string; spanId: string; parentId: string | null; start: number; end: number; question: string; model: string };

/** `count` spans in traces of 4 (one chain root, three LLM calls). */
export function makeSpans(count: number, t0 = Date.now() - 3_600_000): BenchSpan[] {
  const spans: BenchSpan[] = [];
  let traceId = "";
  let rootId = "";
  for (let i = 0; i < count; i++) {
    if (i % 4 === 0) {
      traceId = randomBytes(16).toString("hex");
      rootId = randomBytes(8).toString("hex");
    }
    const start = t0 + i * 3;
    spans.push({ traceId, spanId: i % 4 === 0 ? rootId : randomBytes(8).toString("hex"), parentId: i % 4 === 0 ? null : rootId, start, end: start + 400 + (i % 17) * 50, question: QUESTIONS[i % QUESTIONS.length]!, model: i % 2 ? "gpt-4o-mini" : "gpt-4o" });
  }
  return spans;
}

const messages = (s: BenchSpan) => [{ role: "system", content: "You are a helpful support agent for an online store." }, { role: "user", content: s.question }];

/** Batch API request bodies of `size` events. */
export function batchJsonBodies(spans: BenchSpan[], size: number): string[] {
  const bodies: string[] = [];
  for (let i = 0; i < spans.length; i += size) {
    const batch = spans.slice(i, i + size).map((s) => ({
      id: `ev-${s.spanId}`,
      type: s.parentId ? "generation" : "span",
      body: {
        id: s.spanId, traceId: s.traceId, parentId: s.parentId, name: s.parentId ? "chat" : "answer", startTime: new Date(s.start).toISOString(), endTime: new Date(s.end).toISOString(),
        ...(s.parentId ? { model: s.model, provider: "openai", input: messages(s), output: { role: "assistant", content: ANSWER }, usage: { input: 420, output: 180 }, environment: "production" } : { input: { question: s.question } }),
      },
    }));
    bodies.push(JSON.stringify({ batch }));
  }
  return bodies;
}

const str = (key: string, value: string) => ({ key, value: { stringValue: value } });
const int = (key: string, value: number) => ({ key, value: { intValue: value } });
const ns = (ms: number) => BigInt(ms) * 1_000_000n;

/** OTLP protobuf request bodies of `size` spans using the GenAI conventions. */
export function otlpProtobufBodies(spans: BenchSpan[], size: number): Uint8Array[] {
  const bodies: Uint8Array[] = [];
  for (let i = 0; i < spans.length; i += size) {
    const protoSpans = spans.slice(i, i + size).map((s) => ({
      traceId: Buffer.from(s.traceId, "hex"), spanId: Buffer.from(s.spanId, "hex"), parentSpanId: s.parentId ? Buffer.from(s.parentId, "hex") : Buffer.alloc(0),
      name: s.parentId ? `chat ${s.model}` : "answer", kind: 3, startTimeUnixNano: ns(s.start).toString(), endTimeUnixNano: ns(s.end).toString(),
      attributes: s.parentId
        ? [str("gen_ai.operation.name", "chat"), str("gen_ai.provider.name", "openai"), str("gen_ai.request.model", s.model), int("gen_ai.usage.input_tokens", 420), int("gen_ai.usage.output_tokens", 180),
           str("gen_ai.input.messages", JSON.stringify(messages(s))), str("gen_ai.output.messages", JSON.stringify([{ role: "assistant", parts: [{ type: "text", content: ANSWER }] }])), str("deployment.environment.name", "production")]
        : [str("input.value", s.question)],
      status: { code: 0 },
    }));
    const message = ExportTraceServiceRequest.fromObject({ resourceSpans: [{ resource: { attributes: [str("service.name", "bench")] }, scopeSpans: [{ scope: { name: "bench" }, spans: protoSpans }] }] });
    bodies.push(ExportTraceServiceRequest.encode(message).finish());
  }
  return bodies;
}
