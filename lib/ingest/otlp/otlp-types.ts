/**
 * The one intermediate shape both OTLP encodings (protobuf and JSON) decode into, so the
 * span mapper never has to care which wire format a request arrived in.
 */

/** An OTLP AnyValue flattened to JSON-safe data: int64 becomes a number when safe, else a string. */
export type AttrValue = string | number | boolean | null | AttrValue[] | { [key: string]: AttrValue };

export type Attributes = Record<string, AttrValue>;

/** OTLP StatusCode: 0 unset, 1 ok, 2 error. */
export type OtlpStatusCode = 0 | 1 | 2;

export type OtlpStatus = { code: OtlpStatusCode; message: string };

export type OtlpEvent = { name: string; timeUnixNano: bigint; attributes: Attributes };

export type OtlpLink = { traceId: string; spanId: string; attributes: Attributes };

export type OtlpSpan = {
  /** Lowercase hex; "" when absent. Length is not validated here (the mapper rejects). */
  traceId: string;
  spanId: string;
  /** Lowercase hex; "" for a root span. */
  parentSpanId: string;
  name: string;
  /** OTLP SpanKind: 0 unspecified, 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
  kind: number;
  /** 0n when absent or unparseable (the mapper rejects). */
  startTimeUnixNano: bigint;
  endTimeUnixNano: bigint;
  attributes: Attributes;
  events: OtlpEvent[];
  links: OtlpLink[];
  status: OtlpStatus;
};

export type OtlpScope = { name: string; version: string };

export type OtlpScopeSpans = { scope: OtlpScope; spans: OtlpSpan[] };

export type OtlpResourceSpans = { resourceAttributes: Attributes; scopeSpans: OtlpScopeSpans[] };

export type OtlpRequest = { resourceSpans: OtlpResourceSpans[] };

/** Thrown when a request body cannot be decoded at all (→ HTTP 400). */
export class OtlpDecodeError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "OtlpDecodeError";
  }
}
