import { formatCount } from "@/lib/format/format-count";
import { formatDuration } from "@/lib/format/format-duration";
import type { CanaryComparison, CanarySide } from "@/lib/queries/prompts/keys";
import { formatPValue, type Tone } from "./prepare-canary";

export type GuardRow = { key: string; threshold: string; now: string; state: { tone: Tone; text: string } };


/**
 * The guard's thresholds and where the canary stands against each, judged the way the worker
 * judges them (lib/prompts/canary-stats.ts guardBreach): nothing before minCalls canary calls,
 * the thumbs-down threshold only once both sides have minVotes votes. Empty when there is no guard.
 */
export function prepareGuardRows(data: CanaryComparison): GuardRow[] {
  const guard = data.canary.guard;
  if (!guard) return [];
  const { main, canaryVersion: c } = data;
  const minCalls = guard.minCalls ?? 200;
  const minVotes = guard.minVotes ?? 30;
  const judged = c.calls >= minCalls && main.calls > 0;
  // Once the canary is over nothing is awaited any more: say the threshold was never reached.
  const active = data.canary.status === "active";
  const WAITING = { tone: "zinc" as const, text: active ? "waiting for calls" : "not reached before the end" };
  const rows: GuardRow[] = [
    {
      key: "minCalls", threshold: `Judged after ${formatCount(minCalls)} canary calls`, now: `${formatCount(c.calls)} of ${formatCount(minCalls)} calls`,
      state: judged ? { tone: "green", text: "judging" } : WAITING,
    },
  ];
  if (guard.errorRatePValue !== undefined) {
    const d = data.differences.errorRate;
    const breached = judged && d !== null && d.difference > 0 && d.pValue < guard.errorRatePValue;
    rows.push({
      key: "errorRate", threshold: `Error rate worse than main with p < ${guard.errorRatePValue}`,
      now: d ? `${d.difference > 0 ? "worse" : d.difference < 0 ? "better" : "equal"}, p = ${formatPValue(d.pValue)}` : "no test yet",
      state: !judged ? WAITING : breached ? { tone: "red", text: "breached" } : { tone: "green", text: "holding" },
    });
  }
  if (guard.thumbsDownPoints !== undefined) {
    const points = thumbsDownPoints(c, main, minVotes);
    rows.push({
      key: "thumbsDown", threshold: `Thumbs-down rate worse by more than ${guard.thumbsDownPoints} points (after ${formatCount(minVotes)} votes a side)`,
      now: points === null ? `${formatCount(c.thumbsUp + c.thumbsDown)} and ${formatCount(main.thumbsUp + main.thumbsDown)} votes` : `${points > 0 ? "+" : ""}${points.toFixed(1)} points`,
      state: !judged || points === null ? { tone: "zinc", text: active ? "waiting for votes" : "not reached before the end" } : points > guard.thumbsDownPoints ? { tone: "red", text: "breached" } : { tone: "green", text: "holding" },
    });
  }
  if (guard.latencyP95Ratio !== undefined) {
    const ratio = c.latencyP95 !== null && main.latencyP95 ? c.latencyP95 / main.latencyP95 : null;
    rows.push({
      key: "latency", threshold: `p95 latency more than ${guard.latencyP95Ratio}× main's`,
      now: ratio === null ? "no latency yet" : `${ratio.toFixed(2)}× (${formatDuration(c.latencyP95)} vs ${formatDuration(main.latencyP95)})`,
      state: !judged || ratio === null ? WAITING : ratio > guard.latencyP95Ratio ? { tone: "red", text: "breached" } : { tone: "green", text: "holding" },
    });
  }
  return rows;
}

/** Canary minus main thumbs-down rate in percentage points, or null until both sides have minVotes votes. */
function thumbsDownPoints(c: CanarySide, main: CanarySide, minVotes: number): number | null {
  const cv = c.thumbsUp + c.thumbsDown;
  const mv = main.thumbsUp + main.thumbsDown;
  if (cv < minVotes || mv < minVotes) return null;
  return (c.thumbsDown / cv - main.thumbsDown / mv) * 100;
}
