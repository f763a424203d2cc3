import { context, trace } from "@opentelemetry/api";
import { JsonTraceSerializer, ProtobufTraceSerializer } from "@opentelemetry/otlp-transformer";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from "@opentelemetry/sdk-trace";
import { describe, expect, it } from "vitest";
import { decodeOtlpProtobuf, OtlpDecodeError, parseOtlpJson } from "./decode-request";
import { ExportTraceServiceRequest } from "./otlp-proto";

const TRACE = "5b8efff798038103d269b633813fc60c";
const SPAN = "eee19b7ec3c1b174";
const PARENT = "eee19b7ec3c1b173";
const hexBytes = (hex: string) => Buffer.from(hex, "hex");

/** One request in protobufjs object form, exercising every AnyValue member and 64-bit edge. */
function protoRequest() {
  return {
    resourceSpans: [
      {
        resource: { attributes: [{ key: "service.name", value: { stringValue: "checkout" } }] },
        scopeSpans: [
          {
            scope: { name: "openinference.instrumentation.openai", version: "0.1.2" },
            spans: [
              {
                traceId: hexBytes(TRACE),
                spanId: hexBytes(SPAN),
                parentSpanId: hexBytes(PARENT),
                name: "ChatCompletion",
                kind: 3,
                startTimeUnixNano: "1700000000123456789",
                endTimeUnixNano: "1700000001987654321",
                attributes: [
                  { key: "s", value: { stringValue: "hello" } },
                  { key: "b", value: { boolValue: false } },
                  { key: "i", value: { intValue: 42 } },
                  { key: "huge", value: { intValue: "9007199254740993" } },
                  { key: "neg", value: { intValue: "-9007199254740993" } },
                  { key: "d", value: { doubleValue: 0.25 } },
                  { key: "nan", value: { doubleValue: NaN } },
                  { key: "arr", value: { arrayValue: { values: [{ intValue: 1 }, { stringValue: "x" }] } } },
                  { key: "kv", value: { kvlistValue: { values: [{ key: "inner", value: { boolValue: true } }] } } },
                  { key: "bytes", value: { bytesValue: Buffer.from([1, 2, 3, 250]) } },
                  { key: "empty", value: {} },
                ],
                events: [{ timeUnixNano: "1700000000500000000", name: "first_token", attributes: [{ key: "n", value: { intValue: 1 } }] }],
                links: [{ traceId: hexBytes(TRACE), spanId: hexBytes(PARENT), attributes: [] }],
                status: { code: 2, message: "rate limited" },
              },
            ],
          },
        ],
      },
    ],
  };
}

/** The same request as OTLP/JSON would send it. */
const jsonRequest = {
  resourceSpans: [
    {
      resource: { attributes: [{ key: "service.name", value: { stringValue: "checkout" } }] },
      scopeSpans: [
        {
          scope: { name: "openinference.instrumentation.openai", version: "0.1.2" },
          spans: [
            {
              traceId: TRACE,
              spanId: SPAN,
              parentSpanId: PARENT,
              name: "ChatCompletion",
              kind: 3,
              startTimeUnixNano: "1700000000123456789",
              endTimeUnixNano: "1700000001987654321",
              attributes: [
                { key: "s", value: { stringValue: "hello" } },
                { key: "b", value: { boolValue: false } },
                { key: "i", value: { intValue: "42" } },
                { key: "huge", value: { intValue: "9007199254740993" } },
                { key: "neg", value: { intValue: "-9007199254740993" } },
                { key: "d", value: { doubleValue: 0.25 } },
                { key: "nan", value: { doubleValue: "NaN" } },
                { key: "arr", value: { arrayValue: { values: [{ intValue: "1" }, { stringValue: "x" }] } } },
                { key: "kv", value: { kvlistValue: { values: [{ key: "inner", value: { boolValue: true } }] } } },
                { key: "bytes", value: { bytesValue: Buffer.from([1, 2, 3, 250]).toString("base64") } },
                { key: "empty", value: {} },
              ],
              events: [{ timeUnixNano: "1700000000500000000", name: "first_token", attributes: [{ key: "n", value: { intValue: "1" } }] }],
              links: [{ traceId: TRACE, spanId: PARENT, attributes: [] }],
              status: { code: 2, message: "rate limited" },
            },
          ],
        },
      ],
    },
  ],
};

const encode = (obj: object) => ExportTraceServiceRequest.encode(ExportTraceServiceRequest.fromObject(obj)).finish();

describe("decodeOtlpProtobuf / parseOtlpJson", () => {
  it("decodes protobuf and JSON encodings of the same request identically", () => {
    const fromProto = decodeOtlpProtobuf(encode(protoRequest()));
    expect(fromProto).toEqual(parseOtlpJson(jsonRequest));
    const span = fromProto.resourceSpans[0]!.scopeSpans[0]!.spans[0]!;
    expect(span).toMatchObject({ traceId: TRACE, spanId: SPAN, parentSpanId: PARENT, kind: 3 });
    // Nanosecond precision survives: these do not fit in a double.
    expect(span.startTimeUnixNano).toBe(1700000000123456789n);
    expect(span.endTimeUnixNano).toBe(1700000001987654321n);
    expect(span.attributes).toEqual({
      s: "hello",
      b: false,
      i: 42,
      huge: "9007199254740993",
      neg: "-9007199254740993",
      d: 0.25,
      nan: "NaN",
      arr: [1, "x"],
      kv: { inner: true },
      bytes: "AQID+g==",
      empty: null,
    });
    expect(span.events).toEqual([{ name: "first_token", timeUnixNano: 1700000000500000000n, attributes: { n: 1 } }]);
    expect(span.status).toEqual({ code: 2, message: "rate limited" });
    expect(fromProto.resourceSpans[0]!.resourceAttributes).toEqual({ "service.name": "checkout" });
    expect(fromProto.resourceSpans[0]!.scopeSpans[0]!.scope).toEqual({ name: "openinference.instrumentation.openai", version: "0.1.2" });
  });

  it("reads what the official OpenTelemetry JS serializers send, in both encodings", async () => {
    const exporter = new InMemorySpanExporter();
    const provider = new TracerProvider({
      resource: resourceFromAttributes({ "service.name": "svc" }),
      spanProcessors: [new SimpleSpanProcessor({ exporter })],
    });
    const tracer = provider.getTracer("my-scope", "9.9.9");
    const parent = tracer.startSpan("parent");
    const child = tracer.startSpan(
      "child",
      { attributes: { "gen_ai.request.model": "gpt-4o", n: 3, f: 1.5, tags: ["a", "b"], ok: true } },
      trace.setSpan(context.active(), parent),
    );
    child.addEvent("first_token", { x: 1 });
    child.setStatus({ code: 2, message: "boom" });
    child.end();
    parent.end();
    await provider.forceFlush();
    const spans = exporter.getFinishedSpans();

    const fromProto = decodeOtlpProtobuf(ProtobufTraceSerializer.serializeRequest(spans)!);
    const fromJson = parseOtlpJson(JSON.parse(new TextDecoder().decode(JsonTraceSerializer.serializeRequest(spans)!)));
    expect(fromProto).toEqual(fromJson);

    const [decodedChild, decodedParent] = fromProto.resourceSpans[0]!.scopeSpans[0]!.spans;
    expect(decodedChild!.parentSpanId).toBe(parent.spanContext().spanId);
    expect(decodedChild!.traceId).toBe(parent.spanContext().traceId);
    expect(decodedChild!.spanId).toBe(child.spanContext().spanId);
    expect(decodedParent!.parentSpanId).toBe("");
    expect(decodedChild!.attributes).toEqual({ "gen_ai.request.model": "gpt-4o", n: 3, f: 1.5, tags: ["a", "b"], ok: true });
    expect(decodedChild!.status).toEqual({ code: 2, message: "boom" });
    expect(decodedChild!.events.map((e) => e.name)).toEqual(["first_token"]);
    expect(decodedChild!.endTimeUnixNano).toBeGreaterThanOrEqual(decodedChild!.startTimeUnixNano);
    expect(fromProto.resourceSpans[0]!.scopeSpans[0]!.scope).toEqual({ name: "my-scope", version: "9.9.9" });
  });

  it("tolerates base64 ids, numeric timestamps and enum names in JSON", () => {
    const request = parseOtlpJson({
      resourceSpans: [
        {
          scopeSpans: [
            {
              spans: [
                {
                  traceId: hexBytes(TRACE).toString("base64"),
                  spanId: hexBytes(SPAN).toString("base64"),
                  startTimeUnixNano: 1700000000000000000,
                  endTimeUnixNano: "1700000000000000001",
                  kind: "SPAN_KIND_SERVER",
                  status: { code: "STATUS_CODE_ERROR" },
                  attributes: [{ key: "big", value: { intValue: 12345678901234567890 } }],
                },
              ],
            },
          ],
        },
      ],
    });
    const span = request.resourceSpans[0]!.scopeSpans[0]!.spans[0]!;
    expect(span).toMatchObject({ traceId: TRACE, spanId: SPAN, parentSpanId: "", kind: 2, status: { code: 2, message: "" } });
    expect(span.startTimeUnixNano).toBe(1700000000000000000n);
    expect(typeof span.attributes.big).toBe("string");
  });

  it("accepts uppercase hex and lowercases it; leaves malformed ids for the mapper to reject", () => {
    const spans = parseOtlpJson({
      resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: TRACE.toUpperCase(), spanId: "xyz" }, 42] }] }],
    }).resourceSpans[0]!.scopeSpans[0]!.spans;
    expect(spans[0]!.traceId).toBe(TRACE);
    expect(spans[0]!.spanId).toBe("xyz");
    // A non-object span still comes through (id-less) so it is counted as rejected.
    expect(spans[1]).toMatchObject({ traceId: "", spanId: "", startTimeUnixNano: 0n });
  });

  it("decodes an empty protobuf body as an empty request", () => {
    expect(decodeOtlpProtobuf(new Uint8Array())).toEqual({ resourceSpans: [] });
  });

  it("throws OtlpDecodeError for bytes that are not an ExportTraceServiceRequest", () => {
    expect(() => decodeOtlpProtobuf(Buffer.from("not a protobuf at all"))).toThrow(OtlpDecodeError);
    // Field 1, length-delimited, claiming far more bytes than follow.
    expect(() => decodeOtlpProtobuf(Uint8Array.from([0x0a, 0xff, 0xff, 0xff, 0x0f, 0x01]))).toThrow(/ExportTraceServiceRequest/);
  });

  it("throws OtlpDecodeError for JSON that is not an export request", () => {
    for (const bad of [null, 42, "[]", [], {}, { resourceSpans: {} }, "{not json"]) {
      expect(() => parseOtlpJson(bad)).toThrow(OtlpDecodeError);
    }
    expect(() => parseOtlpJson({ resourceSpans: [{ scopeSpans: 5 }] })).toThrow(/resourceSpans\[0\]\.scopeSpans is not an array/);
    expect(parseOtlpJson('{"resourceSpans":[]}')).toEqual({ resourceSpans: [] });
  });

  it("does not let a __proto__ attribute key reach the prototype", () => {
    const spans = parseOtlpJson({
      resourceSpans: [{ scopeSpans: [{ spans: [{ attributes: [{ key: "__proto__", value: { kvlistValue: { values: [{ key: "polluted", value: { boolValue: true } }] } } }] }] }] }],
    }).resourceSpans[0]!.scopeSpans[0]!.spans;
    expect((spans[0]!.attributes as Record<string, unknown>).polluted).toBeUndefined();
  });
});
