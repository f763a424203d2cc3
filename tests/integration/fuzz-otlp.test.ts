// Property-based fuzzing of the OTLP/HTTP trace endpoint and its protobuf decoder: valid
// ExportTraceServiceRequest messages are structurally mutated and re-encoded, and their bytes are
// flipped, truncated, spliced and extended. The decoder either decodes or throws OtlpDecodeError
// and the mapper never throws; the route answers 200/400/413/415 (never 5xx), a 4xx writes no
// row, and a 200 stores no more spans than it was sent. 800 cases in `npm test`, ×50 in
// `npm run test:fuzz`; failures print seed and path (replay with FUZZ_SEED / FUZZ_PATH).
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import * as otelRoute from "@/app/api/public/otel/v1/traces/route";
import { decodeOtlpProtobuf, OtlpDecodeError } from "@/lib/ingest/otlp/decode-request";
import { mapOtlpSpan } from "@/lib/ingest/otlp/map-span";
import { ExportTraceServiceRequest } from "@/lib/ingest/otlp/otlp-proto";
import { createKey, createOrgAndProject } from "../factories";
import { fuzzParams, fuzzScale } from "../support/fuzz/budget";
import { EDGE_NUMBERS, hostileString, mutated } from "../support/fuzz/mutate";
import { changedTables, projectRowCounts } from "../support/fuzz/project-rows";

process.env.PHAROS_INGEST_RATE_LIMIT_PER_MINUTE = "100000000";

const KEYS = ["gen_ai.operation.name", "gen_ai.request.model", "gen_ai.usage.input_tokens", "gen_ai.usage.output_tokens", "gen_ai.prompt", "gen_ai.completion", "input.value", "output.value", "llm.input_messages.0.message.content", "session.id", "user.id", "langfuse.trace.name", "pharos.embedding"];

const anyValue: fc.Arbitrary<Record<string, unknown>> = fc.letrec<{ v: Record<string, unknown> }>((tie) => ({
  v: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    hostileString.map((s) => ({ stringValue: s })),
    fc.string({ maxLength: 30 }).map((s) => ({ stringValue: s })),
    fc.boolean().map((b) => ({ boolValue: b })),
    fc.oneof(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), fc.constantFrom(0n, -1n, 2n ** 53n)).map((n) => ({ intValue: n.toString() })),
    fc.oneof(fc.double(), fc.constantFrom(...EDGE_NUMBERS)).map((d) => ({ doubleValue: d })),
    fc.uint8Array({ maxLength: 20 }).map((b) => ({ bytesValue: b })),
    fc.array(tie("v"), { maxLength: 3 }).map((values) => ({ arrayValue: { values } })),
    fc.array(fc.record({ key: fc.string({ maxLength: 8 }), value: tie("v") }), { maxLength: 3 }).map((values) => ({ kvlistValue: { values } })),
  ),
})).v;

const attributes = fc.array(fc.record({ key: fc.oneof(fc.constantFrom(...KEYS), hostileString), value: anyValue }), { maxLength: 6 });
const nanos = fc.oneof(fc.bigInt({ min: 1_600_000_000_000_000_000n, max: 1_900_000_000_000_000_000n }), fc.constantFrom(0n, 1n, 2n ** 64n - 1n, 2n ** 63n));
const span = fc.record({
  traceId: fc.oneof({ weight: 5, arbitrary: fc.uint8Array({ minLength: 16, maxLength: 16 }) }, { weight: 1, arbitrary: fc.uint8Array({ maxLength: 20 }) }),
  spanId: fc.oneof({ weight: 5, arbitrary: fc.uint8Array({ minLength: 8, maxLength: 8 }) }, { weight: 1, arbitrary: fc.uint8Array({ maxLength: 12 }) }),
  parentSpanId: fc.oneof(fc.constant(new Uint8Array()), fc.uint8Array({ minLength: 8, maxLength: 8 })),
  name: fc.oneof(fc.constantFrom("chat", "retrieve", ""), hostileString),
  kind: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constantFrom(99, -1)),
  startTimeUnixNano: nanos,
  duration: fc.oneof(fc.bigInt({ min: 0n, max: 10_000_000_000n }), fc.constantFrom(-1n, 0n)),
  attributes,
  events: fc.array(fc.record({ name: fc.string({ maxLength: 10 }), timeUnixNano: nanos.map(String), attributes }), { maxLength: 2 }),
  status: fc.record({ code: fc.integer({ min: 0, max: 3 }), message: fc.string({ maxLength: 20 }) }),
}).map(({ duration, startTimeUnixNano, ...s }) => {
  const end = startTimeUnixNano + duration;
  return { ...s, startTimeUnixNano: startTimeUnixNano.toString(), endTimeUnixNano: (end < 0n ? 0n : end > 2n ** 64n - 1n ? 2n ** 64n - 1n : end).toString() };
});

const message = fc.record({
  resourceSpans: fc.array(fc.record({
    resource: fc.record({ attributes: fc.array(fc.record({ key: fc.constantFrom("service.name", "deployment.environment", "x"), value: anyValue }), { maxLength: 3 }) }),
    scopeSpans: fc.array(fc.record({ scope: fc.record({ name: fc.string({ maxLength: 10 }), version: fc.string({ maxLength: 5 }) }), spans: fc.array(span, { minLength: 1, maxLength: 4 }) }), { minLength: 1, maxLength: 2 }),
  }), { minLength: 1, maxLength: 2 }),
});

function encode(obj: unknown): Uint8Array {
  return ExportTraceServiceRequest.encode(ExportTraceServiceRequest.fromObject(obj as Record<string, unknown>)).finish();
}

/** Re-encodes a structurally mutated message; a mutation protobufjs cannot encode keeps the original. */
const structurallyMutated = fc.tuple(message, mutated(message)).map(([orig, m]) => {
  try {
    return encode(m);
  } catch {
    return encode(orig);
  }
});

type ByteOp = { kind: "flip" | "truncate" | "insert" | "delete" | "splice"; at: number; bytes: Uint8Array };
const byteOps = fc.array(fc.record({ kind: fc.constantFrom("flip" as const, "truncate" as const, "insert" as const, "delete" as const, "splice" as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }), { minLength: 1, maxLength: 4 });

function mutateBytes(input: Uint8Array, ops: ByteOp[]): Uint8Array {
  let b = Buffer.from(input);
  for (const op of ops) {
    const at = b.length ? op.at % b.length : 0;
    if (op.kind === "flip" && b.length) b[at] = b[at]! ^ (op.bytes[0]! || 1);
    else if (op.kind === "truncate") b = b.subarray(0, at);
    else if (op.kind === "insert") b = Buffer.concat([b.subarray(0, at), op.bytes, b.subarray(at)]);
    else if (op.kind === "delete") b = Buffer.concat([b.subarray(0, at), b.subarray(at + op.bytes.length)]);
    else b = Buffer.concat([b.subarray(0, at), op.bytes, b.subarray(Math.min(b.length, at + op.bytes.length))]);
  }
  return new Uint8Array(b);
}

const payload: fc.Arbitrary<Uint8Array> = fc.oneof(
  { weight: 2, arbitrary: message.map(encode) },
  { weight: 3, arbitrary: structurallyMutated },
  { weight: 4, arbitrary: fc.tuple(fc.oneof(message.map(encode), structurallyMutated), byteOps).map(([b, ops]) => mutateBytes(b, ops)) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }) },
);

describe("fuzz: OTLP protobuf decoder", () => {
  it("decodes or throws OtlpDecodeError; mapping never throws", () => {
    fc.assert(
      fc.property(payload, (bytes) => {
        let decoded;
        try {
          decoded = decodeOtlpProtobuf(bytes);
        } catch (error) {
          expect(error).toBeInstanceOf(OtlpDecodeError);
          return;
        }
        for (const rs of decoded.resourceSpans) for (const ss of rs.scopeSpans) for (const s of ss.spans) {
          const mappedSpan = mapOtlpSpan(s, rs.resourceAttributes, ss.scope);
          expect(typeof mappedSpan.ok).toBe("boolean");
        }
      }),
      fuzzParams(400),
    );
  });
});

describe("fuzz: POST /api/public/otel/v1/traces", () => {
  let projectId: string;
  let auth: string;
  beforeAll(async () => {
    const t = await createOrgAndProject("fuzz-otlp");
    projectId = t.project.id;
    auth = `Bearer ${(await createKey(t.project)).secretKey}`;
  });

  it("never 5xx; a 4xx writes nothing; a 200 stores at most what was sent", async () => {
    const body = fc.oneof(
      { weight: 6, arbitrary: payload.map((b) => ({ bytes: b, type: "application/x-protobuf", gzip: false })) },
      { weight: 1, arbitrary: payload.map((b) => ({ bytes: b, type: "application/x-protobuf", gzip: true })) },
      { weight: 1, arbitrary: fc.tuple(payload, fc.constantFrom("application/json", "text/plain", "")).map(([b, type]) => ({ bytes: b, type, gzip: false })) },
    );
    await fc.assert(
      fc.asyncProperty(body, async (c) => {
        let sent = 0;
        try {
          sent = decodeOtlpProtobuf(c.bytes).resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans)).length;
        } catch {
          sent = 0;
        }
        const before = await projectRowCounts(projectId);
        const headers: Record<string, string> = { authorization: auth };
        if (c.type) headers["content-type"] = c.type;
        if (c.gzip) headers["content-encoding"] = "gzip";
        const res = await otelRoute.POST(new Request("http://localhost/api/public/otel/v1/traces", { method: "POST", headers, body: (c.gzip ? gzipSync(c.bytes) : c.bytes) as BodyInit }), { params: Promise.resolve({}) });
        const text = await res.text();
        expect(res.status, `5xx: ${text.slice(0, 500)}`).toBeLessThan(500);
        const after = await projectRowCounts(projectId);
        if (res.status >= 400) {
          expect(JSON.parse(text).error, text).toMatchObject({ code: expect.any(String), message: expect.any(String) });
          expect(changedTables(before, after)).toEqual([]);
        } else if (c.type === "application/x-protobuf") {
          expect((after.spans ?? 0) - (before.spans ?? 0)).toBeLessThanOrEqual(sent);
        }
      }),
      fuzzParams(400),
    );
  }, 600_000 * fuzzScale());
});
