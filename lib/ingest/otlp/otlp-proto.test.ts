import { describe, expect, it } from "vitest";
import { ExportTraceServiceRequest } from "./otlp-proto";

/** Encodes one span with only the given fields and returns the Span message's own bytes. */
function spanBytes(span: Record<string, unknown>): number[] {
  const bytes = ExportTraceServiceRequest.encode(
    ExportTraceServiceRequest.fromObject({ resourceSpans: [{ scopeSpans: [{ spans: [span] }] }] }),
  ).finish();
  // request(1) → ResourceSpans(2: scopeSpans) → ScopeSpans(2: spans) → Span: 3 tag+length pairs, short lengths.
  return [...bytes.subarray(6)];
}

describe("OTLP protobuf definitions use the spec's field numbers and wire types", () => {
  it("Span scalar fields", () => {
    expect(spanBytes({ flags: 1 })).toEqual([0x85, 0x01, 1, 0, 0, 0]); // 16, fixed32
    expect(spanBytes({ kind: 3 })).toEqual([0x30, 3]); // 6, varint enum
    expect(spanBytes({ startTimeUnixNano: 1 })).toEqual([0x39, 1, 0, 0, 0, 0, 0, 0, 0]); // 7, fixed64
    expect(spanBytes({ endTimeUnixNano: 1 })[0]).toBe(0x41); // 8, fixed64
    expect(spanBytes({ parentSpanId: Buffer.from([7]) })).toEqual([0x22, 1, 7]); // 4, bytes
    expect(spanBytes({ traceState: "a" })).toEqual([0x1a, 1, 0x61]); // 3, string
    expect(spanBytes({ droppedLinksCount: 2 })).toEqual([0x70, 2]); // 14, varint
  });

  it("Status, Event, Link and AnyValue members", () => {
    expect(spanBytes({ status: { code: 2, message: "x" } })).toEqual([0x7a, 5, 0x12, 1, 0x78, 0x18, 2]); // 15 → message 2, code 3
    expect(spanBytes({ events: [{ timeUnixNano: 1, name: "e" }] })).toEqual([0x5a, 12, 0x09, 1, 0, 0, 0, 0, 0, 0, 0, 0x12, 1, 0x65]);
    expect(spanBytes({ links: [{ flags: 1 }] })).toEqual([0x6a, 5, 0x35, 1, 0, 0, 0]); // 13 → flags 6 fixed32
    // attributes(9) → KeyValue{value(2) → AnyValue{bytes_value(7)}}
    expect(spanBytes({ attributes: [{ key: "", value: { bytesValue: Buffer.from([9]) } }] })).toEqual([0x4a, 5, 0x12, 3, 0x3a, 1, 9]);
    expect(spanBytes({ attributes: [{ key: "", value: { doubleValue: 0 } }] }).slice(4, 5)).toEqual([0x21]); // double_value 4
  });
});
