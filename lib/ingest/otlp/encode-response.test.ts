import { ProtobufTraceSerializer } from "@opentelemetry/otlp-transformer";
import { describe, expect, it } from "vitest";
import { encodeOtlpResponse } from "./encode-response";
import { ExportTraceServiceResponse } from "./otlp-proto";

describe("encodeOtlpResponse", () => {
  it("encodes partial success as protobuf that decodes back, also by the official OTel client", () => {
    const { body, contentType } = encodeOtlpResponse({ rejectedSpans: 3, errorMessage: "span ab: bad traceId" }, "protobuf");
    expect(contentType).toBe("application/x-protobuf");
    expect(body).toBeInstanceOf(Uint8Array);
    const decoded = ExportTraceServiceResponse.toObject(ExportTraceServiceResponse.decode(body as Uint8Array), { longs: Number });
    expect(decoded).toEqual({ partialSuccess: { rejectedSpans: 3, errorMessage: "span ab: bad traceId" } });
    const official = ProtobufTraceSerializer.deserializeResponse(body as Uint8Array);
    expect(official.partialSuccess?.errorMessage).toBe("span ab: bad traceId");
    expect(Number(official.partialSuccess?.rejectedSpans)).toBe(3);
  });

  it("sends an empty message on full success", () => {
    expect((encodeOtlpResponse(null, "protobuf").body as Uint8Array).length).toBe(0);
    expect(encodeOtlpResponse(null, "json")).toEqual({ body: "{}", contentType: "application/json" });
    expect(encodeOtlpResponse({ rejectedSpans: 0, errorMessage: "" }, "json").body).toBe("{}");
  });

  it("uses the OTLP/JSON shape with int64 as a string", () => {
    const { body, contentType } = encodeOtlpResponse({ rejectedSpans: 2, errorMessage: "two bad" }, "json");
    expect(contentType).toBe("application/json");
    expect(JSON.parse(body as string)).toEqual({ partialSuccess: { rejectedSpans: "2", errorMessage: "two bad" } });
  });
});
