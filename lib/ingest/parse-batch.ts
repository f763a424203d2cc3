import { describeZodError } from "../errors";
import { ingestEventSchema, scoreBodySchema, spanBodySchema, traceBodySchema } from "../schemas/ingest";
import type { ScoreRow, TraceRow } from "./rows";
import type { NormalizedSpan, SpanKind } from "./types";

export type EventResult = { id: string; status: number; error?: { code: string; message: string } };
export type ParsedBatch = {
  spans: NormalizedSpan[];
  traces: Omit<TraceRow, "projectId">[];
  scores: Omit<ScoreRow, "projectId">[];
  results: EventResult[];
  /** For each span, the index of its event (and result). */
  spanEvents: number[];
};

const DEFAULT_KIND: Record<string, SpanKind> = { generation: "llm", event: "event", span: "span" };
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Validates each event of a batch on its own: valid events are normalized, invalid ones
 * get a per-event 400 saying where (e.g. "batch[3].body.endTime: …").
 */
export function parseBatch(events: unknown[], now = new Date()): ParsedBatch {
  const out: ParsedBatch = { spans: [], traces: [], scores: [], results: [], spanEvents: [] };
  events.forEach((raw, index) => {
    const where = `batch[${index}]`;
    const fallbackId = isObject(raw) && typeof raw.id === "string" ? raw.id : `#${index}`;
    const envelope = ingestEventSchema.safeParse(raw);
    if (!envelope.success) {
      out.results.push({ id: fallbackId, status: 400, error: { code: "INVALID", message: describeZodError(envelope.error, where) } });
      return;
    }
    const event = envelope.data;
    const timestamp = event.timestamp ?? now;
    const fail = (message: string) => out.results.push({ id: event.id, status: 400, error: { code: "INVALID", message } });

    if (event.type === "trace") {
      const body = traceBodySchema.safeParse(event.body);
      if (!body.success) return fail(describeZodError(body.error, `${where}.body`));
      const b = body.data;
      out.traces.push({
        id: b.id, name: b.name ?? null, timestamp, input: b.input ?? null, output: b.output ?? null, userId: b.userId ?? null,
        sessionId: b.sessionId ?? null, environment: b.environment ?? null, release: b.release ?? null, tags: b.tags ?? [], metadata: b.metadata ?? null,
      });
    } else if (event.type === "score") {
      const body = scoreBodySchema.safeParse(event.body);
      if (!body.success) return fail(describeZodError(body.error, `${where}.body`));
      const b = body.data;
      out.scores.push({
        id: b.id, traceId: b.traceId, spanId: b.spanId ?? null, name: b.name,
        numberValue: typeof b.value === "boolean" ? Number(b.value) : typeof b.value === "number" ? b.value : null,
        stringValue: typeof b.value === "string" ? b.value : null,
        dataType: typeof b.value === "boolean" ? "BOOLEAN" : typeof b.value === "number" ? "NUMERIC" : "CATEGORICAL",
        source: b.source ?? "api", comment: b.comment ?? null, createdAt: timestamp,
      });
    } else {
      // Events are instants; spans may default their start to the event timestamp.
      const body = isObject(event.body) ? { startTime: timestamp.toISOString(), ...event.body } : event.body;
      if (event.type === "event" && isObject(body) && body.endTime === undefined) body.endTime = body.startTime;
      const parsed = spanBodySchema.safeParse(body);
      if (!parsed.success) return fail(describeZodError(parsed.error, `${where}.body`));
      const b = parsed.data;
      const usage = b.usage ?? {};
      out.spans.push({
        id: b.id, traceId: b.traceId, parentId: b.parentId ?? null, kind: b.kind ?? DEFAULT_KIND[event.type]!, name: b.name,
        startTime: b.startTime, endTime: b.endTime,
        ttftMs: b.completionStartTime ? Math.max(0, b.completionStartTime.getTime() - b.startTime.getTime()) : null,
        model: b.model ?? null, provider: b.provider ?? null, input: b.input ?? null, output: b.output ?? null,
        modelParameters: b.modelParameters ?? null,
        usage: {
          inputTokens: usage.input ?? null, outputTokens: usage.output ?? null, cachedInputTokens: usage.cachedInput ?? null,
          reasoningTokens: usage.reasoning ?? null, totalTokens: usage.total ?? null,
        },
        level: b.level ?? "DEFAULT", statusMessage: b.statusMessage ?? null, userId: b.userId ?? null, sessionId: b.sessionId ?? null,
        environment: b.environment ?? null, release: b.release ?? null, promptName: b.promptName ?? null, promptVersion: b.promptVersion ?? null,
        tags: b.tags ?? [], metadata: b.metadata ?? {}, traceName: null,
        ...(b.embeddings?.length ? { embeddings: b.embeddings } : {}),
        ...(event.timestamp === undefined && isObject(event.body) && event.body.startTime === undefined ? { startTimeAssigned: true } : {}),
      });
      out.spanEvents.push(index);
    }
    out.results.push({ id: event.id, status: 201 });
  });
  return out;
}
