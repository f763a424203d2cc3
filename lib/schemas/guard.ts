import { z } from "zod";
import { nameSchema } from "./common";

/**
 * Inline guardrails: the guard call's body and answer, and guard policies as the API and the
 * settings page read and write them (lib/guard/README.md says how they are applied).
 */

/** What a policy does with a finding: not look for it, report it (verdict stays allow), mask it, or block the text. */
export const GUARD_ACTIONS = ["off", "allow", "mask", "block"] as const;
export type GuardAction = (typeof GUARD_ACTIONS)[number];
export const GUARD_DIRECTIONS = ["input", "output"] as const;
export type GuardDirection = (typeof GUARD_DIRECTIONS)[number];
export type GuardVerdict = "allow" | "mask" | "block";

/**
 * Finding types a policy sets an action for: the built-in PII kinds (the ingest masker's),
 * CUSTOM_PATTERN for every custom pattern of the project's ingest settings (a finding carries
 * the pattern's own kind, e.g. EMPLOYEE_ID), and the three non-PII checks.
 */
export const PII_TYPES = ["EMAIL", "PHONE", "CREDIT_CARD", "RRN", "API_KEY", "IP_ADDRESS"] as const;
export const GUARD_TYPES = [...PII_TYPES, "CUSTOM_PATTERN", "PROMPT_INJECTION", "SYSTEM_PROMPT_LEAK", "DENIED_TERM"] as const;
export type GuardType = (typeof GUARD_TYPES)[number];

export const GUARD_TYPE_LABELS: Record<GuardType, string> = {
  EMAIL: "Email address",
  PHONE: "Phone number",
  CREDIT_CARD: "Card number",
  RRN: "Resident registration number",
  API_KEY: "API key or token",
  IP_ADDRESS: "IP address",
  CUSTOM_PATTERN: "Custom PII patterns (ingest settings)",
  PROMPT_INJECTION: "Prompt injection",
  SYSTEM_PROMPT_LEAK: "System prompt leak",
  DENIED_TERM: "Denied term",
};

/** What a policy does on each side when it does not say (the built-in default policy is exactly this). */
export const DEFAULT_ACTIONS: Record<GuardDirection, Record<GuardType, GuardAction>> = {
  input: {
    EMAIL: "mask", PHONE: "mask", CREDIT_CARD: "mask", RRN: "mask", API_KEY: "mask", IP_ADDRESS: "allow", CUSTOM_PATTERN: "mask",
    PROMPT_INJECTION: "block", SYSTEM_PROMPT_LEAK: "off", DENIED_TERM: "off",
  },
  output: {
    EMAIL: "mask", PHONE: "mask", CREDIT_CARD: "mask", RRN: "mask", API_KEY: "mask", IP_ADDRESS: "allow", CUSTOM_PATTERN: "mask",
    PROMPT_INJECTION: "off", SYSTEM_PROMPT_LEAK: "block", DENIED_TERM: "block",
  },
};

const action = z.enum(GUARD_ACTIONS, { message: `must be one of ${GUARD_ACTIONS.join(", ")}` });
/** Every type optional on the way in (missing ones take the default); strict, so a misspelt type is a 400 naming it. */
const actionsFor = (direction: GuardDirection) =>
  z
    .object(Object.fromEntries(GUARD_TYPES.map((t) => [t, action.default(DEFAULT_ACTIONS[direction][t])])) as Record<GuardType, z.ZodDefault<typeof action>>)
    .strict()
    .default(() => ({ ...DEFAULT_ACTIONS[direction] }));

export const MAX_DENIED_TERMS = 200;
export const MAX_SYSTEM_PROMPT_TEXTS = 10;
export const MAX_SYSTEM_PROMPT_NAMES = 20;

const deniedTerm = z.string().trim().min(2, "must be at least 2 characters").max(200, "must be at most 200 characters").refine((t) => !/[\n\r]/.test(t), "must be one line");

/**
 * The registered system prompts an output is checked against: prompts of the registry by name
 * (their `production` version and their newest, so a version on trial is covered too) and
 * literal texts for prompts kept elsewhere. An output echoing at least `minOverlap` of a prompt's
 * word 4-grams is a SYSTEM_PROMPT_LEAK.
 */
const systemPromptsSchema = z
  .object({
    prompts: z.array(z.string().trim().min(1).max(256)).max(MAX_SYSTEM_PROMPT_NAMES, `at most ${MAX_SYSTEM_PROMPT_NAMES} prompts`).default(() => []),
    texts: z.array(z.string().trim().min(1).max(20_000, "must be at most 20,000 characters")).max(MAX_SYSTEM_PROMPT_TEXTS, `at most ${MAX_SYSTEM_PROMPT_TEXTS} texts`).default(() => []),
    minOverlap: z.number().gt(0, "must be above 0").max(1, "must be at most 1").default(0.35),
  })
  .strict()
  .default(() => ({ prompts: [], texts: [], minOverlap: 0.35 }));

/** A policy's behaviour, as stored in guard_policies.config. */
export const guardPolicyConfig = z
  .object({
    input: actionsFor("input"),
    output: actionsFor("output"),
    deniedTerms: z.array(deniedTerm).max(MAX_DENIED_TERMS, `at most ${MAX_DENIED_TERMS} terms`).default(() => []),
    systemPrompts: systemPromptsSchema,
  })
  .strict();
export type GuardPolicyConfig = z.output<typeof guardPolicyConfig>;

/** PUT …/guard/policies/{name} (public) and …/guard-policies/[name] (UI): create or replace. */
export const putGuardPolicyBody = guardPolicyConfig.extend({
  description: z.string().trim().max(500, "must be at most 500 characters").default(""),
  /** true: this policy becomes the project's default (the previous default stops being it). */
  isDefault: z.boolean().default(false),
});
export type PutGuardPolicy = z.output<typeof putGuardPolicyBody>;

export const guardPolicyName = nameSchema.regex(/^[^/]+$/, "must not contain '/'");

/** POST …/guard-policies (UI): a new policy; PUT …/guard-policies/[policyId]: the whole policy, its name included. */
export const saveGuardPolicyBody = putGuardPolicyBody.extend({ name: guardPolicyName });
export type SaveGuardPolicy = z.output<typeof saveGuardPolicyBody>;

/** What every API shows of a policy. */
export type GuardPolicyView = GuardPolicyConfig & {
  /** null for the built-in policy, which is not stored. */
  id: string | null;
  name: string;
  description: string;
  /** Whether guard calls without `policy` use it. */
  isDefault: boolean;
  /** The shipped default (never saved in this project); saving a policy named "default" replaces it. */
  builtIn: boolean;
  updatedAt: string | null;
};

export const MAX_GUARD_TEXT = 200_000;
export const MAX_GUARD_MESSAGES = 200;

const contentPart = z.looseObject({ type: z.string(), text: z.string().optional() });
const guardMessage = z.looseObject({
  role: z.string().trim().min(1).max(64),
  content: z.union([z.string(), z.array(contentPart).max(100), z.null()]),
});
export type GuardMessage = z.infer<typeof guardMessage>;

// As ingest takes them (lib/schemas/ingest.ts): the span joins the caller's trace only if ingest would accept the ids.
const optionalId = z.string().trim().min(1, "must not be empty").max(128, "must be at most 128 characters").optional();
const optionalText = z.string().trim().min(1, "must not be empty").max(256, "must be at most 256 characters").optional();

/** POST /api/public/guard: one text or a chat message list, checked as an input to or an output of a model. */
export const guardBody = z
  .object({
    text: z.string().max(MAX_GUARD_TEXT, `must be at most ${MAX_GUARD_TEXT} characters`).optional(),
    messages: z.array(guardMessage).min(1, "must hold at least one message").max(MAX_GUARD_MESSAGES, `at most ${MAX_GUARD_MESSAGES} messages`).optional(),
    direction: z.enum(GUARD_DIRECTIONS, { message: "must be \"input\" or \"output\"" }),
    /** A policy name; omitted: the project's default policy. */
    policy: guardPolicyName.optional(),
    /** The caller's trace (and span): the guardrail span is recorded in that trace, under that span. */
    context: z.object({ traceId: optionalId, spanId: optionalId, userId: optionalText, sessionId: optionalText }).strict().optional(),
  })
  .strict()
  .superRefine((b, ctx) => {
    if ((b.text === undefined) === (b.messages === undefined)) ctx.addIssue({ code: "custom", path: ["text"], message: "give exactly one of text or messages" });
    if (b.context?.spanId && !b.context.traceId) ctx.addIssue({ code: "custom", path: ["context", "traceId"], message: "is required with context.spanId" });
    const total = (b.messages ?? []).reduce((n, m) => n + textLength(m.content), 0);
    if (total > MAX_GUARD_TEXT) ctx.addIssue({ code: "custom", path: ["messages"], message: `must hold at most ${MAX_GUARD_TEXT} characters of text in all` });
  });
export type GuardBody = z.infer<typeof guardBody>;

function textLength(content: GuardMessage["content"]): number {
  if (typeof content === "string") return content.length;
  return (content ?? []).reduce((n, p) => n + (typeof p.text === "string" ? p.text.length : 0), 0);
}

/** POST …/guard-policies/check (UI): try a text against a policy as edited, before saving; nothing is recorded. */
export const checkGuardBody = z
  .object({
    text: z.string().min(1, "must not be empty").max(20_000, "must be at most 20,000 characters"),
    direction: z.enum(GUARD_DIRECTIONS),
    config: guardPolicyConfig,
  })
  .strict();

export type GuardFinding = {
  type: string;
  start: number;
  end: number;
  score: number;
  detector: string;
  action: Exclude<GuardAction, "off">;
  /** With `messages`: which message, and which content part when the content is a list. */
  message?: number;
  part?: number;
};

export type GuardResult = {
  verdict: GuardVerdict;
  policy: string;
  text?: string;
  messages?: GuardMessage[];
  findings: GuardFinding[];
  /** Server-side time spent checking, milliseconds. */
  latencyMs: number;
};
