import type { ScoreRow } from "./rows";

/** Thumbs feedback as stored: a boolean `user_feedback` score, 1 = up, 0 = down. */
export function userFeedbackScore(options: { projectId: string; id: string; traceId: string; spanId: string | null; up: boolean; comment: string | null; createdAt: Date }): ScoreRow {
  const { up, ...rest } = options;
  return { ...rest, name: "user_feedback", numberValue: up ? 1 : 0, stringValue: null, dataType: "BOOLEAN", source: "user_feedback" };
}
