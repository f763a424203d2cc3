import { createHash } from "node:crypto";

/**
 * Deterministic sampling: a trace is in a rule's sample when the first 32 bits of
 * md5("<rule id>:<trace id>") fall below rate % of 2^32. Re-processing a trace never changes
 * the answer, two rules sample independently, and SAMPLE_SQL computes the same in Postgres so
 * unsampled traces are skipped inside the query.
 */
export const SAMPLE_SPACE = 2 ** 32;

export function sampleBucket(ruleId: string, traceId: string): number {
  return createHash("md5").update(`${ruleId}:${traceId}`).digest().readUInt32BE(0);
}

/** The bucket bound for a rate in percent: 100 % takes every bucket, 0 % none. */
export const sampleBound = (ratePercent: number) => Math.floor((Math.min(100, Math.max(0, ratePercent)) / 100) * SAMPLE_SPACE);

export const inSample = (ruleId: string, traceId: string, ratePercent: number) => sampleBucket(ruleId, traceId) < sampleBound(ratePercent);

/** The score a rule writes on a trace has this id, so a retry or a second worker can only conflict, never double it. */
export const onlineScoreId = (ruleId: string, traceId: string) => `oe:${ruleId}:${traceId}`;
