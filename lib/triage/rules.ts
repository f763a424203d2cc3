import { z } from "zod";
import type { TriageReason } from "./send-flagged-traces-to-inbox";

/** Reasons the ingest-time rules can give; drift and manual come from other paths. */
export const RULE_REASONS = ["error", "thumbs_down", "low_score", "unfaithful", "slow", "pii", "injection", "uncertainty", "guardrail_blocked"] as const satisfies readonly TriageReason[];
export type RuleReason = (typeof RULE_REASONS)[number];
/** Every reason an item can carry, in display order (client-safe: send-flagged-traces-to-inbox.ts imports the database). */
export const ALL_REASONS = [...RULE_REASONS, "drift", "manual"] as const satisfies readonly TriageReason[];

export const MAX_SCORE_THRESHOLDS = 20;

const scoreThresholdSchema = z.object({
  scoreName: z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters"),
  below: z.number().finite(),
});

/**
 * Per-project failure-inbox rules (project_settings.triage_rules; null = the defaults).
 * Stored whole, so the SQL that applies them never sees a partial object; fields missing
 * from an older stored value fall back to the defaults key by key.
 */
const ruleFields = {
  error: z.boolean(),
  thumbsDown: z.boolean(),
  lowScores: z
    .array(scoreThresholdSchema)
    .max(MAX_SCORE_THRESHOLDS, `at most ${MAX_SCORE_THRESHOLDS} score thresholds`)
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((s, i) => {
        if (seen.has(s.scoreName)) ctx.addIssue({ code: "custom", path: [i, "scoreName"], message: `"${s.scoreName}" is listed twice` });
        seen.add(s.scoreName);
      });
    }),
  /** "Faithfulness below T": a faithfulness score (online RAG rule, or sent by the app) below `below` opens an item that shows the unsupported statements. */
  faithfulness: z.object({
    enabled: z.boolean(),
    below: z.number().min(0, "must be within 0–1").max(1, "must be within 0–1"),
  }),
  slow: z.object({
    enabled: z.boolean(),
    aboveMs: z.number().int("must be a whole number of milliseconds").min(1, "must be at least 1 ms").max(86_400_000, "must be at most one day"),
  }),
  pii: z.boolean(),
  injection: z.boolean(),
  uncertainty: z.boolean(),
  /** A guardrail span of the trace blocked its text (flag guardrail_blocked, lib/guard). */
  guardrailBlocked: z.boolean(),
};
export const triageRulesSchema = z.object(ruleFields);
export type TriageRules = z.infer<typeof triageRulesSchema>;
export type ScoreThreshold = TriageRules["lowScores"][number];

export const DEFAULT_TRIAGE_RULES: TriageRules = {
  error: true,
  thumbsDown: true,
  lowScores: [],
  faithfulness: { enabled: false, below: 0.7 },
  slow: { enabled: false, aboveMs: 10_000 },
  pii: false,
  injection: true,
  uncertainty: false,
  guardrailBlocked: true,
};

/**
 * The rules in effect for a stored value: null or a non-object → the defaults; otherwise each
 * rule that is missing or malformed falls back to its default (an older or hand-edited value
 * never breaks the inbox). The ingest SQL merges the same way, by top-level JSON type.
 */
export function effectiveTriageRules(stored: unknown): TriageRules {
  if (stored === null || typeof stored !== "object" || Array.isArray(stored)) return DEFAULT_TRIAGE_RULES;
  const value = stored as Record<string, unknown>;
  const rules: Record<string, unknown> = {};
  for (const key of Object.keys(ruleFields) as (keyof TriageRules)[]) {
    const parsed = ruleFields[key].safeParse(value[key]);
    rules[key] = parsed.success ? parsed.data : DEFAULT_TRIAGE_RULES[key];
  }
  return rules as TriageRules;
}

/** The trace facts the rules look at (the SQL in lib/ingest/sql/apply-triage-rules.ts reads the same). */
export type TraceFacts = {
  errorCount: number;
  flags: readonly string[];
  latencyMs: number;
  /** `evaluator`: the registry evaluator that wrote an eval score (scores.details.evaluator), when known. */
  scores: readonly { name: string; value: number | null; evaluator?: string | null }[];
};

/** A faithfulness score: named so, or written by a faithfulness evaluator under another name. */
export const isFaithfulnessScore = (s: { name: string; evaluator?: string | null }) => s.name === "faithfulness" || s.evaluator === "faithfulness";

/**
 * Which reasons a trace matches, in RULE_REASONS order. The ingest path evaluates the same
 * rules set-based in SQL; this is the reference the unit tests pin and the settings page
 * uses for its preview wording.
 */
export function matchingReasons(rules: TriageRules, t: TraceFacts): RuleReason[] {
  const reasons: RuleReason[] = [];
  if (rules.error && (t.errorCount > 0 || t.flags.includes("error"))) reasons.push("error");
  if (rules.thumbsDown && t.scores.some((s) => s.name === "user_feedback" && s.value === 0)) reasons.push("thumbs_down");
  if (rules.lowScores.some((th) => t.scores.some((s) => s.name === th.scoreName && s.value !== null && s.value < th.below))) reasons.push("low_score");
  if (rules.faithfulness.enabled && t.scores.some((s) => isFaithfulnessScore(s) && s.value !== null && s.value < rules.faithfulness.below)) reasons.push("unfaithful");
  if (rules.slow.enabled && t.latencyMs > rules.slow.aboveMs) reasons.push("slow");
  if (rules.pii && t.flags.includes("pii")) reasons.push("pii");
  if (rules.injection && t.flags.includes("injection")) reasons.push("injection");
  if (rules.uncertainty && t.flags.includes("uncertainty")) reasons.push("uncertainty");
  if (rules.guardrailBlocked && t.flags.includes("guardrail_blocked")) reasons.push("guardrail_blocked");
  return reasons;
}

/** One line per enabled rule, for the settings page and the inbox's empty state. */
export function describeRules(rules: TriageRules): string[] {
  const lines: string[] = [];
  if (rules.error) lines.push("a span ended with an error");
  if (rules.thumbsDown) lines.push("a user gave thumbs down");
  for (const s of rules.lowScores) lines.push(`score "${s.scoreName}" is below ${s.below}`);
  if (rules.faithfulness.enabled) lines.push(`faithfulness is below ${rules.faithfulness.below} (the unsupported statements are shown)`);
  if (rules.slow.enabled) lines.push(`the trace took longer than ${rules.slow.aboveMs.toLocaleString("en-US")} ms`);
  if (rules.pii) lines.push("PII was found (and masked)");
  if (rules.injection) lines.push("the input looks like a prompt injection");
  if (rules.uncertainty) lines.push("the answer sounds uncertain");
  if (rules.guardrailBlocked) lines.push("a guardrail blocked an input or an output");
  return lines;
}

export const REASON_LABELS: Record<TriageReason, string> = {
  error: "Error",
  thumbs_down: "Thumbs down",
  low_score: "Low score",
  unfaithful: "Faithfulness below",
  slow: "Slow",
  pii: "PII",
  injection: "Injection",
  uncertainty: "Uncertain",
  guardrail_blocked: "Guardrail blocked",
  drift: "Drift",
  manual: "Manual",
};
