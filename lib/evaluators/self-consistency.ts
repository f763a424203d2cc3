import { z } from "zod";
import { LlmCallError } from "../llm/provider-http";
import { agreementOf, SIMILARITIES } from "./agreement";
import { addUsage, NO_USAGE } from "./judge-call";
import { asText } from "./text";
import { type EvalCase, type EvalContext, type EvalResult, cannotScore, scored } from "./types";

export const selfConsistencyParams = z.object({
  /** Answers compared, the item's own output included (so samples − 1 more calls). */
  samples: z.number().int().min(2).max(10).default(5),
  /** Temperature of the extra answers: above 0, else a deterministic model always agrees with itself. */
  temperature: z.number().gt(0, "must be above 0 to sample").max(2).default(1),
  /** Mean pairwise agreement (0–1) at or above which the item passes; below it the item is flagged. */
  threshold: z.number().min(0).max(1).default(0.7),
  similarity: z.enum(SIMILARITIES).default("embedding"),
});

/** Stored per sample in the item's details; the agreement is computed on the full text. */
const SAMPLE_CHARS = 4000;

/**
 * A hallucination signal: ask the system under test (`ctx.subject`, prompt runs only) the same
 * input samples − 1 more times and score how much the answers agree. Made-up facts tend to
 * change from one sample to the next; known ones do not. The subject's calls go into the
 * result's usage, so the item's cost includes them.
 */
export async function selfConsistency(params: z.infer<typeof selfConsistencyParams>, c: EvalCase, ctx: EvalContext): Promise<EvalResult> {
  const { threshold, similarity, temperature } = params;
  if (!ctx.subject) return cannotScore(threshold, "self_consistency needs a prompt run: Pharos cannot re-ask a system whose outputs were supplied");
  const samples = [asText(c.output)];
  let usage = NO_USAGE;
  for (let i = 1; i < params.samples; i++) {
    try {
      const answer = await ctx.subject.complete({ input: c.input, temperature, signal: ctx.signal });
      samples.push(answer.output);
      usage = addUsage(usage, answer.usage);
    } catch (error) {
      if (!(error instanceof LlmCallError)) throw error;
      return cannotScore(threshold, `re-asking the system under test failed (sample ${i + 1} of ${params.samples}): ${error.message}`, "error", { usage, details: { samples: clipped(samples) } });
    }
  }
  const { agreement, minPair } = agreementOf(samples, similarity);
  const flagged = agreement < threshold;
  const reason = `agreement ${agreement.toFixed(3)} across ${samples.length} samples (${similarity})${flagged ? `, below ${threshold}: flagged — the answers change from one sample to the next` : ""}`;
  return { ...scored(agreement, threshold, reason, { flagged, similarity, temperature, minPair, samples: clipped(samples) }), usage };
}

const clipped = (samples: string[]) => samples.map((s) => (s.length > SAMPLE_CHARS ? `${s.slice(0, SAMPLE_CHARS)}…` : s));
