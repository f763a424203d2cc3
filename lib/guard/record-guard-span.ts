import "server-only";
import { ingest } from "../ingest/ingest";
import type { NormalizedSpan } from "../ingest/types";
import { metrics } from "../observability/metrics";

/**
 * Guardrail spans are written off the request path: each guard call appends its span here and
 * answers at once; every FLUSH_MS the spans gathered so far go through the normal ingest path
 * (prepare → writer queue → one set-based transaction), one ingest call per project. A full
 * buffer or a failed write drops spans (counted in pharos_guard_spans_dropped_total and logged)
 * and never fails or slows a guard call. A crash loses at most FLUSH_MS of spans.
 */
const FLUSH_MS = 25;
const MAX_BUFFERED = 20_000;

type State = { buffer: Map<string, NormalizedSpan[]>; size: number; timer: ReturnType<typeof setTimeout> | null; inFlight: Set<Promise<unknown>>; lastLog: number };
const globalForGuard = globalThis as unknown as { pharosGuardSpans?: State };
const state = (): State => (globalForGuard.pharosGuardSpans ??= { buffer: new Map(), size: 0, timer: null, inFlight: new Set(), lastLog: 0 });

export function recordGuardSpan(projectId: string, span: NormalizedSpan): void {
  const s = state();
  if (s.size >= MAX_BUFFERED) return dropped(s, 1, "the guard span buffer is full");
  const list = s.buffer.get(projectId);
  if (list) list.push(span);
  else s.buffer.set(projectId, [span]);
  s.size++;
  if (!s.timer) {
    s.timer = setTimeout(() => void flush(s), FLUSH_MS);
    s.timer.unref?.();
  }
}

function dropped(s: State, n: number, why: string) {
  metrics().guardSpansDropped.inc(n);
  // One line a second at most: a full ingest queue under load would otherwise flood the log.
  if (Date.now() - s.lastLog < 1000) return;
  s.lastLog = Date.now();
  console.warn(`[pharos] ${n} guardrail span(s) not recorded: ${why}`);
}

function flush(s: State): Promise<void> {
  s.timer = null;
  const batches = [...s.buffer];
  s.buffer = new Map();
  s.size = 0;
  for (const [projectId, spans] of batches) {
    const write = ingest(projectId, { spans }).then(
      () => undefined,
      (error: unknown) => dropped(s, spans.length, error instanceof Error ? error.message : String(error)),
    );
    s.inFlight.add(write);
    void write.finally(() => s.inFlight.delete(write));
  }
  return Promise.all(s.inFlight).then(() => undefined);
}

/** Writes what is buffered now and waits for every write in flight (tests; shutdown). */
export async function flushGuardSpans(): Promise<void> {
  const s = state();
  if (s.timer) clearTimeout(s.timer);
  await flush(s);
}
