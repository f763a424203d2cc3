import "server-only";
import { AppError } from "../../errors";
import { splitMismatchedOtlpSpans } from "../../embeddings/reject-mismatched";
import { ingest } from "../ingest";
import { parseJson } from "../read-body";
import type { NormalizedSpan } from "../types";
import { decodeOtlpProtobuf, parseOtlpJson } from "./decode-request";
import { toWellFormedDeep } from "../../text/well-formed";
import { encodeOtlpResponse } from "./encode-response";
import { mapOtlpSpan } from "./map-span";
import { OtlpDecodeError, type OtlpRequest } from "./otlp-types";

/**
 * OTLP export → our span model → the shared ingest path. Spans that cannot be mapped are
 * rejected and counted in partial_success (per the OTLP spec); only an undecodable body
 * is a 400.
 */
export async function ingestOtlp(projectId: string, bytes: Buffer, format: "protobuf" | "json") {
  let request: OtlpRequest;
  try {
    // Observed data keeps its spans: NUL and unpaired surrogates become U+FFFD (Postgres stores neither).
    request = toWellFormedDeep(format === "json" ? parseOtlpJson(parseJson(bytes)) : decodeOtlpProtobuf(bytes));
  } catch (error) {
    if (error instanceof OtlpDecodeError) throw new AppError("INVALID", `Undecodable OTLP ${format} body: ${error.message}`);
    throw error;
  }
  const spans: NormalizedSpan[] = [];
  const errors: string[] = [];
  for (const resource of request.resourceSpans) {
    for (const scoped of resource.scopeSpans) {
      for (const span of scoped.spans) {
        const mapped = mapOtlpSpan(span, resource.resourceAttributes, scoped.scope);
        if (mapped.ok) spans.push(mapped.span);
        else errors.push(mapped.error);
      }
    }
  }
  const checked = await splitMismatchedOtlpSpans(projectId, spans);
  errors.push(...checked.errors);
  await ingest(projectId, { spans: checked.spans });
  const partial = errors.length ? { rejectedSpans: errors.length, errorMessage: errors.slice(0, 5).join("; ") + (errors.length > 5 ? ` (and ${errors.length - 5} more)` : "") } : null;
  return encodeOtlpResponse(partial, format);
}
