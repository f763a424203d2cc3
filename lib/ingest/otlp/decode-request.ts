/**
 * Decodes OTLP/HTTP trace export bodies (binary protobuf or OTLP/JSON) into OtlpRequest.
 * Structural garbage throws OtlpDecodeError (→ 400); a span that is merely invalid (bad ids,
 * missing times) is passed through so the mapper can reject it and count it as partial success.
 */
import {
  ExportTraceServiceRequest,
  type ProtoAnyValue,
  type ProtoExportRequest,
  type ProtoKeyValue,
  type ProtoSpan,
} from "./otlp-proto";
import { OtlpDecodeError, type Attributes, type AttrValue, type OtlpRequest, type OtlpSpan, type OtlpStatusCode } from "./otlp-types";
import {
  bytesToBase64,
  bytesToHex,
  doubleToAttr,
  jsonIdToHex,
  jsonInt64ToAttr,
  jsonNanosToBigint,
  protoInt64ToAttr,
  protoLongToBigint,
} from "./otlp-values";

export { OtlpDecodeError } from "./otlp-types";

// ---- protobuf ----

export function decodeOtlpProtobuf(bytes: Uint8Array): OtlpRequest {
  let message: ProtoExportRequest;
  try {
    message = ExportTraceServiceRequest.decode(bytes) as unknown as ProtoExportRequest;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new OtlpDecodeError(`not a valid ExportTraceServiceRequest (${reason})`, { cause: error });
  }
  return {
    resourceSpans: message.resourceSpans.map((rs) => ({
      resourceAttributes: protoAttributes(rs.resource?.attributes),
      scopeSpans: rs.scopeSpans.map((ss) => ({
        scope: { name: ss.scope?.name ?? "", version: ss.scope?.version ?? "" },
        spans: ss.spans.map(protoSpan),
      })),
    })),
  };
}

function protoSpan(s: ProtoSpan): OtlpSpan {
  return {
    traceId: bytesToHex(s.traceId),
    spanId: bytesToHex(s.spanId),
    parentSpanId: bytesToHex(s.parentSpanId),
    name: s.name,
    kind: s.kind,
    startTimeUnixNano: protoLongToBigint(s.startTimeUnixNano),
    endTimeUnixNano: protoLongToBigint(s.endTimeUnixNano),
    attributes: protoAttributes(s.attributes),
    events: s.events.map((e) => ({
      name: e.name,
      timeUnixNano: protoLongToBigint(e.timeUnixNano),
      attributes: protoAttributes(e.attributes),
    })),
    links: s.links.map((l) => ({
      traceId: bytesToHex(l.traceId),
      spanId: bytesToHex(l.spanId),
      attributes: protoAttributes(l.attributes),
    })),
    status: { code: statusCode(s.status?.code), message: s.status?.message ?? "" },
  };
}

function protoAttributes(list: ProtoKeyValue[] | undefined): Attributes {
  const out: Attributes = {};
  if (!list) return out;
  for (const kv of list) setAttr(out, kv.key, protoValue(kv.value));
  return out;
}

function protoValue(v: ProtoAnyValue | null | undefined): AttrValue {
  // `value` is protobufjs's virtual oneof getter: the name of the member that was set.
  switch (v?.value) {
    case "stringValue":
      return v.stringValue ?? "";
    case "boolValue":
      return v.boolValue ?? false;
    case "intValue":
      return protoInt64ToAttr(v.intValue);
    case "doubleValue":
      return doubleToAttr(v.doubleValue);
    case "arrayValue":
      return (v.arrayValue?.values ?? []).map(protoValue);
    case "kvlistValue":
      return protoAttributes(v.kvlistValue?.values);
    case "bytesValue":
      return v.bytesValue ? bytesToBase64(v.bytesValue) : "";
    default:
      return null;
  }
}

// ---- JSON ----

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** Accepts the parsed body (or its text). Field names follow OTLP/JSON (lowerCamelCase). */
export function parseOtlpJson(value: unknown): OtlpRequest {
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch (error) {
      throw new OtlpDecodeError("not valid JSON", { cause: error });
    }
  }
  if (!isObject(value) || !Array.isArray(value.resourceSpans)) {
    throw new OtlpDecodeError("expected a JSON object with a resourceSpans array");
  }
  return {
    resourceSpans: value.resourceSpans.map((rs, i) => {
      const where = `resourceSpans[${i}]`;
      if (!isObject(rs)) throw new OtlpDecodeError(`${where} is not an object`);
      const resource = isObject(rs.resource) ? rs.resource : {};
      return {
        resourceAttributes: jsonAttributes(resource.attributes),
        scopeSpans: jsonArray(rs.scopeSpans, `${where}.scopeSpans`).map((ss, j) => {
          const at = `${where}.scopeSpans[${j}]`;
          if (!isObject(ss)) throw new OtlpDecodeError(`${at} is not an object`);
          const scope = isObject(ss.scope) ? ss.scope : {};
          return {
            scope: { name: str(scope.name), version: str(scope.version) },
            spans: jsonArray(ss.spans, `${at}.spans`).map(jsonSpan),
          };
        }),
      };
    }),
  };
}

function jsonArray(v: unknown, where: string): unknown[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new OtlpDecodeError(`${where} is not an array`);
  return v;
}

const str = (v: unknown): string => (typeof v === "string" ? v : "");

const SPAN_KIND_NAMES = ["SPAN_KIND_UNSPECIFIED", "SPAN_KIND_INTERNAL", "SPAN_KIND_SERVER", "SPAN_KIND_CLIENT", "SPAN_KIND_PRODUCER", "SPAN_KIND_CONSUMER"];
const STATUS_NAMES = ["STATUS_CODE_UNSET", "STATUS_CODE_OK", "STATUS_CODE_ERROR"];

/** Spec says enums are integers in OTLP/JSON; names are tolerated because protobuf JSON allows them. */
function jsonEnum(v: unknown, names: string[]): number {
  if (typeof v === "number" && Number.isInteger(v)) return v;
  if (typeof v === "string") return names.indexOf(v) >= 0 ? names.indexOf(v) : Number(v) || 0;
  return 0;
}

function statusCode(v: unknown): OtlpStatusCode {
  const n = typeof v === "number" ? v : jsonEnum(v, STATUS_NAMES);
  return n === 1 || n === 2 ? n : 0;
}

function jsonSpan(s: unknown): OtlpSpan {
  // A non-object span still becomes a span (with no ids) so it is counted as rejected, not lost.
  const o = isObject(s) ? s : {};
  const status = isObject(o.status) ? o.status : {};
  return {
    traceId: jsonIdToHex(o.traceId, 16),
    spanId: jsonIdToHex(o.spanId, 8),
    parentSpanId: jsonIdToHex(o.parentSpanId, 8),
    name: str(o.name),
    kind: jsonEnum(o.kind, SPAN_KIND_NAMES),
    startTimeUnixNano: jsonNanosToBigint(o.startTimeUnixNano),
    endTimeUnixNano: jsonNanosToBigint(o.endTimeUnixNano),
    attributes: jsonAttributes(o.attributes),
    events: (Array.isArray(o.events) ? o.events : []).filter(isObject).map((e) => ({
      name: str(e.name),
      timeUnixNano: jsonNanosToBigint(e.timeUnixNano),
      attributes: jsonAttributes(e.attributes),
    })),
    links: (Array.isArray(o.links) ? o.links : []).filter(isObject).map((l) => ({
      traceId: jsonIdToHex(l.traceId, 16),
      spanId: jsonIdToHex(l.spanId, 8),
      attributes: jsonAttributes(l.attributes),
    })),
    status: { code: statusCode(status.code), message: str(status.message) },
  };
}

function jsonAttributes(list: unknown): Attributes {
  const out: Attributes = {};
  if (!Array.isArray(list)) return out;
  for (const kv of list) {
    if (isObject(kv) && typeof kv.key === "string") setAttr(out, kv.key, jsonValue(kv.value));
  }
  return out;
}

function jsonValue(v: unknown): AttrValue {
  if (!isObject(v)) return null;
  if (v.stringValue !== undefined) return str(v.stringValue);
  if (v.boolValue !== undefined) return v.boolValue === true;
  if (v.intValue !== undefined) return jsonInt64ToAttr(v.intValue);
  if (v.doubleValue !== undefined) return doubleToAttr(v.doubleValue);
  if (v.arrayValue !== undefined) {
    const values = isObject(v.arrayValue) && Array.isArray(v.arrayValue.values) ? v.arrayValue.values : [];
    return values.map(jsonValue);
  }
  if (v.kvlistValue !== undefined) return jsonAttributes(isObject(v.kvlistValue) ? v.kvlistValue.values : undefined);
  if (v.bytesValue !== undefined) return str(v.bytesValue);
  return null;
}

/** "__proto__" as an attribute key would rewrite the record's prototype instead of storing data. */
function setAttr(out: Attributes, key: string, value: AttrValue): void {
  if (key !== "__proto__") out[key] = value;
}
