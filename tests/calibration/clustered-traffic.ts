/**
 * Simulated clustered traffic for the drift calibration and power tests, fed to the production
 * decision pipeline `driftSeries` (lib/drift/math/drift-series.ts) — the function the report job
 * (lib/drift/run-drift-report.ts) calls with its Postgres loader. Here the loader is in memory
 * but does what `loadWindowVectors` does after its SQL: the period's span vectors, keyed by
 * trace, through `toUnits` (dedupe, average, normalise per trace), capped by a hash of the key.
 *
 * The traffic has what breaks span-level tests: agent traces (1–4 LLM spans carrying the same
 * last user message, sometimes a follow-up turn), repeat users (each re-asks from a personal set
 * of 3 questions half of the time), and identical texts (canned "hi"/"thanks" messages; a finite
 * pool of questions per topic). Texts go through the production offline embedder with an IDF
 * frozen on the baseline mix, as the worker fits it on a field's earliest texts.
 *
 * Under "no drift" every trace is drawn i.i.d. given the users' latent personal sets, and its day
 * is independent of its content, so traces are exchangeable across windows — the hypothesis the
 * permutation test needs; spans are not.
 */
import type { Baseline } from "@/lib/drift/math/baseline";
import { DEFAULT_THRESHOLDS, type DriftThresholds } from "@/lib/drift/math/decide";
import { driftSeries, type WindowUnits } from "@/lib/drift/math/drift-series";
import { murmur3 } from "@/lib/drift/math/hash";
import { embedOffline, fitIdf } from "@/lib/drift/math/offline-embedder";
import { type Rng, seededRng } from "@/lib/drift/math/rng";
import { type QuestionTopic, sampleQuestion } from "@/lib/drift/math/sample-texts";
import { toUnits } from "@/lib/drift/math/units";
import { recentWindows } from "@/lib/drift/math/windows";
import type { DriftWindow } from "@/lib/schemas/drift";

type Topic = QuestionTopic | "canned";
const CANNED = ["hi", "thanks", "hello?", "help", "ok thanks", "안녕하세요", "감사합니다", "?"];
const POOL_PER_TOPIC = 300;
const DAY = 86_400_000;
/** Monday 2026-01-05 00:00 UTC: day 0 of every simulation. */
const T0 = Date.UTC(2026, 0, 5);
export const DAYS = 14;
export const SHOWN = 7;

/** The usual mix of fresh questions. */
const BASE_MIX: [Topic, number][] = [["en-billing", 0.45], ["en-product", 0.2], ["ko-refund", 0.25], ["canned", 0.1]];

type Pool = { topic: Topic; vectors: Float32Array[] };
let pools: Map<Topic, Pool> | null = null;

/** Each topic's finite pool of texts, embedded once by the production offline embedder. */
function textPools(): Map<Topic, Pool> {
  if (pools) return pools;
  const rng = seededRng(2026);
  const texts = new Map<Topic, string[]>();
  for (const topic of ["en-billing", "en-product", "ko-refund", "ko-delivery", "en-security"] as const) {
    texts.set(topic, Array.from({ length: POOL_PER_TOPIC }, () => sampleQuestion(rng, topic)));
  }
  texts.set("canned", CANNED);
  // IDF frozen on the baseline mix only, like the worker's fit on a field's earliest texts.
  const idf = fitIdf(Array.from({ length: 2000 }, () => {
    const topic = pickTopic(rng, BASE_MIX);
    const list = texts.get(topic)!;
    return list[Math.floor(rng() * list.length)]!;
  }));
  pools = new Map([...texts].map(([topic, list]) => [topic, { topic, vectors: list.map((t) => embedOffline(t, idf)) }]));
  return pools;
}

function pickTopic(rng: Rng, mix: readonly [Topic, number][]): Topic {
  let u = rng();
  for (const [topic, share] of mix) if ((u -= share) < 0) return topic;
  return mix[mix.length - 1]![0];
}

type Message = { topic: Topic; vector: Float32Array };
const fresh = (rng: Rng, topic: Topic): Message => {
  const pool = textPools().get(topic)!;
  return { topic, vector: pool.vectors[Math.floor(rng() * pool.vectors.length)]! };
};

/** What changes, by day (0…13; days 7…13 are the windows shown). All zero: no drift. */
export type Shift = {
  /** Share of traces that ask about a topic absent before (English account security). */
  emerging?: (day: number) => number;
  /** Whether Korean traffic has moved from refunds to delivery (same language, new subject). */
  koreanSubject?: (day: number) => boolean;
};

type SpanRow = { time: number; traceId: string; spanId: string; vector: Float32Array };

/** One simulated fortnight of LLM spans. */
export function simulateTraffic(seed: number, tracesPerDay: number, shift: Shift = {}): SpanRow[] {
  const rng = seededRng(seed);
  const users = Array.from({ length: Math.max(1, Math.round((tracesPerDay * DAYS) / 4)) }, () => {
    const favourite = pickTopic(rng, BASE_MIX);
    return Array.from({ length: 3 }, () => fresh(rng, favourite));
  });
  const spans: SpanRow[] = [];
  const total = tracesPerDay * DAYS;
  for (let t = 0; t < total; t++) {
    const day = Math.floor(rng() * DAYS);
    const time = T0 + day * DAY + Math.floor(rng() * (DAY - 60_000));
    const user = users[Math.floor(rng() * users.length)]!;
    let first = rng() < 0.5 ? user[Math.floor(rng() * 3)]! : fresh(rng, pickTopic(rng, BASE_MIX));
    if (rng() < (shift.emerging?.(day) ?? 0)) first = fresh(rng, "en-security");
    const swap = (m: Message) => (shift.koreanSubject?.(day) && m.topic === "ko-refund" ? fresh(rng, "ko-delivery") : m);
    first = swap(first);
    // An agent trace: 1–4 LLM calls with the same last user message, sometimes a follow-up turn.
    const calls = 1 + Math.floor(rng() * 4);
    const followUp = rng() < 0.3 && first.topic !== "canned" ? fresh(rng, first.topic) : null;
    const traceId = `t${seed}-${t}`;
    for (let c = 0; c < calls; c++) {
      const message = followUp && c >= Math.ceil(calls / 2) ? followUp : first;
      spans.push({ time: time + c * 1000, traceId, spanId: `${traceId}-${c}`, vector: message.vector });
    }
    if (followUp && calls === 1) spans.push({ time: time + 2000, traceId, spanId: `${traceId}-f`, vector: followUp.vector });
  }
  return spans.sort((a, b) => a.time - b.time);
}

/** The in-memory twin of loadWindowVectors: spans in [start, end) → one vector per trace, ≤ cap traces by key hash. */
export function memoryLoader(spans: readonly SpanRow[]) {
  return async (period: { start: Date; end: Date }, cap: number): Promise<WindowUnits> => {
    const from = period.start.getTime();
    const to = period.end.getTime();
    let rows = spans.filter((s) => s.time >= from && s.time < to);
    const keys = [...new Set(rows.map((r) => r.traceId))];
    if (keys.length > cap) {
      const kept = new Set(keys.sort((a, b) => murmur3(a) - murmur3(b) || (a < b ? -1 : 1)).slice(0, cap));
      rows = rows.filter((r) => kept.has(r.traceId));
    }
    const dim = rows[0]?.vector.length ?? 0;
    const data = new Float32Array(rows.length * dim);
    rows.forEach((r, i) => data.set(r.vector, i * dim));
    const units = toUnits({ data, n: rows.length, dim }, rows.map((r) => r.traceId));
    return { ...units, traceIds: units.keys, spanIds: Array.from(units.firstRow, (i) => rows[i]!.spanId), total: keys.length };
  };
}

/** One trial: the production pipeline over the last 7 days of a simulated fortnight (all windows closed). */
export async function runTrial(options: { seed: number; tracesPerDay: number; shift?: Shift; baseline?: Baseline; thresholds?: DriftThresholds }): Promise<DriftWindow[]> {
  const spans = simulateTraffic(options.seed, options.tracesPerDay, options.shift);
  const windows = recentWindows(new Date(T0 + DAYS * DAY - 1), "day", SHOWN, false).map((w) => ({ ...w, partial: false }));
  const steps = await driftSeries({
    windows, granularity: "day", baseline: options.baseline ?? { kind: "trailing" }, thresholds: options.thresholds ?? DEFAULT_THRESHOLDS, load: memoryLoader(spans),
  });
  return steps.map((s) => s.row);
}
