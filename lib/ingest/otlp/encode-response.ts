/**
 * ExportTraceServiceResponse per OTLP/HTTP: an empty message on full success, partial_success
 * only when spans were rejected. The response uses the same encoding as the request.
 */
import { ExportTraceServiceResponse } from "./otlp-proto";

export type OtlpPartialSuccess = { rejectedSpans: number; errorMessage: string };

export function encodeOtlpResponse(
  partial: OtlpPartialSuccess | null,
  format: "protobuf" | "json",
): { body: Uint8Array | string; contentType: string } {
  const rejected = partial ? Math.max(0, Math.trunc(partial.rejectedSpans)) : 0;
  // The spec also allows a warning-only partial_success (0 rejected + message); keep that too.
  const send = partial !== null && (rejected > 0 || partial.errorMessage !== "");
  if (format === "json") {
    const body = send
      ? JSON.stringify({ partialSuccess: { rejectedSpans: String(rejected), errorMessage: partial.errorMessage } })
      : "{}";
    return { body, contentType: "application/json" };
  }
  const message = ExportTraceServiceResponse.create(
    send ? { partialSuccess: { rejectedSpans: rejected, errorMessage: partial.errorMessage } } : {},
  );
  return { body: ExportTraceServiceResponse.encode(message).finish(), contentType: "application/x-protobuf" };
}
