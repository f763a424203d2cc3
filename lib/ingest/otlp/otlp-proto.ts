/**
 * OTLP trace messages (opentelemetry-proto, collector/trace/v1 and the trace/resource/common
 * messages it nests) built with protobufjs reflection once at module load. Field names are the
 * protobufjs camelCase forms; only the field numbers and types matter on the wire. Deprecated
 * fields the spec reserves are omitted and newer unknown fields are skipped by the decoder.
 */
import protobuf from "protobufjs";

type FieldDef = { type: string; id: number; rule?: "repeated" };
const f = (id: number, type: string): FieldDef => ({ type, id });
const many = (id: number, type: string): FieldDef => ({ type, id, rule: "repeated" });

const common = {
  AnyValue: {
    oneofs: {
      value: {
        oneof: ["stringValue", "boolValue", "intValue", "doubleValue", "arrayValue", "kvlistValue", "bytesValue"],
      },
    },
    fields: {
      stringValue: f(1, "string"),
      boolValue: f(2, "bool"),
      intValue: f(3, "int64"),
      doubleValue: f(4, "double"),
      arrayValue: f(5, "ArrayValue"),
      kvlistValue: f(6, "KeyValueList"),
      bytesValue: f(7, "bytes"),
    },
  },
  ArrayValue: { fields: { values: many(1, "AnyValue") } },
  KeyValueList: { fields: { values: many(1, "KeyValue") } },
  KeyValue: { fields: { key: f(1, "string"), value: f(2, "AnyValue") } },
  InstrumentationScope: {
    fields: {
      name: f(1, "string"),
      version: f(2, "string"),
      attributes: many(3, "KeyValue"),
      droppedAttributesCount: f(4, "uint32"),
    },
  },
};

const KEY_VALUE = "opentelemetry.proto.common.v1.KeyValue";

const resource = {
  Resource: { fields: { attributes: many(1, KEY_VALUE), droppedAttributesCount: f(2, "uint32") } },
};

const trace = {
  ResourceSpans: {
    fields: {
      resource: f(1, "opentelemetry.proto.resource.v1.Resource"),
      scopeSpans: many(2, "ScopeSpans"),
      schemaUrl: f(3, "string"),
    },
  },
  ScopeSpans: {
    fields: {
      scope: f(1, "opentelemetry.proto.common.v1.InstrumentationScope"),
      spans: many(2, "Span"),
      schemaUrl: f(3, "string"),
    },
  },
  Span: {
    fields: {
      traceId: f(1, "bytes"),
      spanId: f(2, "bytes"),
      traceState: f(3, "string"),
      parentSpanId: f(4, "bytes"),
      flags: f(16, "fixed32"),
      name: f(5, "string"),
      kind: f(6, "SpanKind"),
      startTimeUnixNano: f(7, "fixed64"),
      endTimeUnixNano: f(8, "fixed64"),
      attributes: many(9, KEY_VALUE),
      droppedAttributesCount: f(10, "uint32"),
      events: many(11, "Event"),
      droppedEventsCount: f(12, "uint32"),
      links: many(13, "Link"),
      droppedLinksCount: f(14, "uint32"),
      status: f(15, "Status"),
    },
    nested: {
      SpanKind: {
        values: {
          SPAN_KIND_UNSPECIFIED: 0,
          SPAN_KIND_INTERNAL: 1,
          SPAN_KIND_SERVER: 2,
          SPAN_KIND_CLIENT: 3,
          SPAN_KIND_PRODUCER: 4,
          SPAN_KIND_CONSUMER: 5,
        },
      },
      Event: {
        fields: {
          timeUnixNano: f(1, "fixed64"),
          name: f(2, "string"),
          attributes: many(3, KEY_VALUE),
          droppedAttributesCount: f(4, "uint32"),
        },
      },
      Link: {
        fields: {
          traceId: f(1, "bytes"),
          spanId: f(2, "bytes"),
          traceState: f(3, "string"),
          attributes: many(4, KEY_VALUE),
          droppedAttributesCount: f(5, "uint32"),
          flags: f(6, "fixed32"),
        },
      },
    },
  },
  Status: {
    // Field 1 is reserved (the removed deprecated_code).
    fields: { message: f(2, "string"), code: f(3, "StatusCode") },
    nested: { StatusCode: { values: { STATUS_CODE_UNSET: 0, STATUS_CODE_OK: 1, STATUS_CODE_ERROR: 2 } } },
  },
};

const collector = {
  ExportTraceServiceRequest: {
    fields: { resourceSpans: many(1, "opentelemetry.proto.trace.v1.ResourceSpans") },
  },
  ExportTraceServiceResponse: { fields: { partialSuccess: f(1, "ExportTracePartialSuccess") } },
  ExportTracePartialSuccess: { fields: { rejectedSpans: f(1, "int64"), errorMessage: f(2, "string") } },
};

const v1 = (nested: Record<string, protobuf.AnyNestedObject>): protobuf.AnyNestedObject => ({
  nested: { v1: { nested } },
});

const root = protobuf.Root.fromJSON({
  nested: {
    opentelemetry: {
      nested: {
        proto: {
          nested: {
            common: v1(common),
            resource: v1(resource),
            trace: v1(trace),
            collector: { nested: { trace: v1(collector) } },
          },
        },
      },
    },
  },
});
root.resolveAll();

export const ExportTraceServiceRequest = root.lookupType(
  "opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest",
);
export const ExportTraceServiceResponse = root.lookupType(
  "opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse",
);

/** Int64/fixed64 as protobufjs hands them back: a Long-like when `long` is available, else a number. */
export type ProtoLong = number | { low: number; high: number; unsigned?: boolean };

export type ProtoAnyValue = {
  value?: string;
  stringValue?: string;
  boolValue?: boolean;
  intValue?: ProtoLong;
  doubleValue?: number;
  arrayValue?: { values: ProtoAnyValue[] };
  kvlistValue?: { values: ProtoKeyValue[] };
  bytesValue?: Uint8Array;
};
export type ProtoKeyValue = { key: string; value?: ProtoAnyValue | null };
export type ProtoEvent = { timeUnixNano: ProtoLong; name: string; attributes: ProtoKeyValue[] };
export type ProtoLink = { traceId: Uint8Array; spanId: Uint8Array; attributes: ProtoKeyValue[] };
export type ProtoSpan = {
  traceId: Uint8Array;
  spanId: Uint8Array;
  parentSpanId: Uint8Array;
  name: string;
  kind: number;
  startTimeUnixNano: ProtoLong;
  endTimeUnixNano: ProtoLong;
  attributes: ProtoKeyValue[];
  events: ProtoEvent[];
  links: ProtoLink[];
  status?: { code: number; message: string } | null;
};
export type ProtoScopeSpans = { scope?: { name: string; version: string } | null; spans: ProtoSpan[] };
export type ProtoResourceSpans = {
  resource?: { attributes: ProtoKeyValue[] } | null;
  scopeSpans: ProtoScopeSpans[];
};
export type ProtoExportRequest = { resourceSpans: ProtoResourceSpans[] };
