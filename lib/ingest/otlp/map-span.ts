/**
 * One decoded OTLP span → NormalizedSpan. Understands OTel GenAI (current, event-based and
 * Traceloop-style indexed attributes), OpenInference, Langfuse, Traceloop and pharos.* attributes;
 * pharos.* wins, then Langfuse, then the vendor conventions. Unclaimed attributes go to metadata.
 */
import { SPAN_TEXT_LIMITS } from "../../schemas/ingest";
import type { NormalizedSpan } from "../types";
import { AttrBag, asNumber, asRecord, asString, tagList } from "./attr-bag";
import { mapKind, mapLevel, mapModel, mapModelParameters, mapProvider, mapTtft, mapUsage, isTtftEvent } from "./map-fields";
import { collectFamilies, MESSAGE_EVENTS, mapIo } from "./map-io";
import { isLowerOrUpperHex } from "./otlp-values";
import type { Attributes, OtlpEvent, OtlpScope, OtlpSpan } from "./otlp-types";

export type MapResult = { ok: true; span: NormalizedSpan } | { ok: false; error: string };

const MAX_TAGS = 50;
const MAX_EVENTS = 50;

function isId(id: string, length: number): boolean {
  if (id.length !== length || !isLowerOrUpperHex(id)) return false;
  for (let i = 0; i < id.length; i++) if (id.charCodeAt(i) !== 48) return true;
  return false; // all zeros is the spec's "invalid id"
}

const show = (s: string) => (s === "" ? "(missing)" : JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s));

function validate(span: OtlpSpan): string | null {
  const who = `span ${show(span.spanId)}`;
  if (!isId(span.spanId, 16)) return `${who}: spanId must be 16 hex characters and not all zeros`;
  if (!isId(span.traceId, 32)) return `${who}: traceId ${show(span.traceId)} must be 32 hex characters and not all zeros`;
  if (span.startTimeUnixNano <= 0n) return `${who}: startTimeUnixNano is missing or zero`;
  if (span.endTimeUnixNano < span.startTimeUnixNano) return `${who}: endTimeUnixNano is before startTimeUnixNano`;
  return null;
}

const nanosToDate = (ns: bigint) => new Date(Number(ns / 1_000_000n));

export function mapOtlpSpan(span: OtlpSpan, resourceAttributes: Attributes, scope: OtlpScope): MapResult {
  const invalid = validate(span);
  if (invalid) return { ok: false, error: invalid };

  const bag = new AttrBag(span.attributes, resourceAttributes);
  const families = collectFamilies(span.attributes);
  const io = mapIo(bag, families, span.events);
  const model = mapModel(bag);
  const exception = lastException(span.events);
  const promptVersion = asNumber(bag.first(["pharos.prompt.version", "langfuse.prompt.version", "langfuse.observation.prompt.version"]));

  const normalized: NormalizedSpan = {
    id: span.spanId,
    traceId: span.traceId,
    parentId: isId(span.parentSpanId, 16) ? span.parentSpanId : null,
    kind: mapKind(bag, model !== null),
    name: span.name,
    startTime: nanosToDate(span.startTimeUnixNano),
    endTime: nanosToDate(span.endTimeUnixNano),
    ttftMs: mapTtft(bag, span.events, span.startTimeUnixNano, span.endTimeUnixNano),
    model,
    provider: mapProvider(bag),
    input: io.input,
    output: io.output,
    modelParameters: mapModelParameters(bag),
    usage: mapUsage(bag),
    level: mapLevel(bag, span.status.code),
    statusMessage:
      bag.firstString(["langfuse.observation.status_message"]) ??
      (span.status.message || null) ??
      (span.status.code === 2 ? asString(exception?.message) : null),
    userId: bag.firstString(["pharos.user.id", "langfuse.user.id", "user.id"]),
    sessionId: bag.firstString(["pharos.session.id", "langfuse.session.id", "session.id", "gen_ai.conversation.id"]),
    environment: bag.firstStringOrResource(["pharos.environment", "langfuse.environment", "deployment.environment.name", "deployment.environment"]),
    release: bag.firstStringOrResource(["pharos.release", "langfuse.release", "service.version"]),
    promptName: bag.firstString(["pharos.prompt.name", "langfuse.prompt.name", "langfuse.observation.prompt.name"]),
    promptVersion: promptVersion !== null && Number.isInteger(promptVersion) ? promptVersion : null,
    tags: mapTags(bag),
    traceName: bag.firstString(["langfuse.trace.name"]),
    metadata: {},
  };
  const tooLong = overLimit(normalized);
  if (tooLong) return { ok: false, error: tooLong };
  if (io.embeddings) {
    // OpenInference: embedding.embeddings.N.embedding.vector, model from embedding.model_name.
    const model = normalized.model ?? "unknown";
    const vectors = io.embeddings.filter((v) => v.length > 0 && v.length <= 4096 && v.every(Number.isFinite));
    if (vectors.length) normalized.embeddings = vectors.map((vector) => ({ field: "input", model, vector }));
  }
  // The vectors live in the embeddings table; copying them into metadata too would store each one twice, as JSON.
  normalized.metadata = buildMetadata(bag, resourceAttributes, scope, span.events, exception);
  return { ok: true, span: normalized };
}

/** The first text field longer than the batch API accepts, named as the span's attribute would set it. */
function overLimit(span: NormalizedSpan): string | null {
  const who = `span ${show(span.id)}`;
  const fields = ["name", "model", "provider", "userId", "sessionId", "environment", "release", "promptName", "traceName"] as const;
  for (const field of fields) {
    const value = span[field];
    const max = SPAN_TEXT_LIMITS[field];
    if (typeof value === "string" && value.length > max) return `${who}: ${field} is ${value.length} characters, at most ${max} are accepted`;
  }
  const tag = span.tags.find((t) => t.length > SPAN_TEXT_LIMITS.tag);
  if (tag !== undefined) return `${who}: a tag is ${tag.length} characters, at most ${SPAN_TEXT_LIMITS.tag} are accepted`;
  return null;
}

function mapTags(bag: AttrBag): string[] {
  const seen = new Set<string>();
  for (const key of ["pharos.tags", "langfuse.trace.tags", "langfuse.tags", "tag.tags"]) {
    for (const raw of tagList(bag.take(key))) {
      const tag = raw.trim();
      if (tag !== "") seen.add(tag);
      if (seen.size >= MAX_TAGS) return [...seen];
    }
  }
  return [...seen];
}

type ExceptionInfo = { type?: unknown; message?: unknown; stacktrace?: unknown };

function lastException(events: OtlpEvent[]): ExceptionInfo | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.name !== "exception") continue;
    const info: ExceptionInfo = {};
    const a = e.attributes;
    if (a["exception.type"] !== undefined) info.type = a["exception.type"];
    if (a["exception.message"] !== undefined) info.message = a["exception.message"];
    if (a["exception.stacktrace"] !== undefined) info.stacktrace = a["exception.stacktrace"];
    return info;
  }
  return null;
}

function buildMetadata(
  bag: AttrBag,
  resource: Attributes,
  scope: OtlpScope,
  events: OtlpEvent[],
  exception: ExceptionInfo | null,
): Record<string, unknown> {
  // OpenInference's free-form `metadata` attribute is the base; explicit attributes override it.
  const metadata: Record<string, unknown> = {};
  const merged = asRecord(bag.peek("metadata"));
  if (merged) {
    bag.consume("metadata");
    for (const key of Object.keys(merged)) if (key !== "__proto__") metadata[key] = merged[key];
  }
  const service = asString(resource["service.name"]);
  if (service !== null) metadata["service.name"] = service;
  // Names from the OTel spec for carrying the instrumentation scope outside OTLP.
  if (scope.name) metadata["otel.scope.name"] = scope.name;
  if (scope.version) metadata["otel.scope.version"] = scope.version;
  bag.unconsumed(metadata);
  if (exception) metadata.exception = exception;
  const other = events.filter((e) => e.name !== "exception" && !MESSAGE_EVENTS.has(e.name) && !isTtftEvent(e.name));
  if (other.length > 0) {
    metadata.events = other.slice(0, MAX_EVENTS).map((e) => ({
      name: e.name,
      time: e.timeUnixNano > 0n ? nanosToDate(e.timeUnixNano).toISOString() : null,
      attributes: e.attributes,
    }));
  }
  return metadata;
}
