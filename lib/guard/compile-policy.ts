import { compileDeniedTerms } from "../detectors/denied-terms";
import type { SystemPromptGrams } from "../detectors/system-prompt-leak";
import { DETECTORS, type DetectorId } from "../pii/detectors";
import { compilePiiSettings, type CompiledPiiSettings, type PiiSettings } from "../pii/settings";
import { type GuardAction, type GuardDirection, type GuardPolicyConfig, type GuardType, PII_TYPES } from "../schemas/guard";

/** One side of a policy, ready to run: which detectors, with what action per finding type. */
export type CompiledDirection = {
  actions: Readonly<Record<GuardType, GuardAction>>;
  /** The PII detectors whose type is not off, and the project's custom patterns unless CUSTOM_PATTERN is off. */
  pii: CompiledPiiSettings | null;
  injection: boolean;
  denied: RegExp | null;
  /** Whether SYSTEM_PROMPT_LEAK runs on this side (the prompts themselves are resolved per call: they move with labels). */
  systemPromptLeak: boolean;
};

export type CompiledPolicy = {
  name: string;
  config: GuardPolicyConfig;
  input: CompiledDirection;
  output: CompiledDirection;
  /** Literal system prompt texts of the policy, prepared once. */
  systemPromptTexts: readonly SystemPromptGrams[];
};

/** Word n-gram size of the system-prompt echo check (the red-team leak evaluator's default). */
export const SYSTEM_PROMPT_NGRAM = 4;

const isPiiType = (t: string): t is (typeof PII_TYPES)[number] => (PII_TYPES as readonly string[]).includes(t);

function compileDirection(config: GuardPolicyConfig, direction: GuardDirection, projectPii: PiiSettings, denied: RegExp | null): CompiledDirection {
  const actions = config[direction];
  const detectors = Object.fromEntries(DETECTORS.map((d) => [d.id, isPiiType(d.kind) && actions[d.kind] !== "off"])) as Record<DetectorId, boolean>;
  const customPatterns = actions.CUSTOM_PATTERN === "off" ? [] : projectPii.customPatterns;
  // Masking at ingest may be off for the project; the guard runs what the policy says regardless.
  const pii = compilePiiSettings({ enabled: true, detectors, customPatterns });
  return {
    actions,
    pii: pii.enabled ? pii : null,
    injection: actions.PROMPT_INJECTION !== "off",
    denied: actions.DENIED_TERM === "off" ? null : denied,
    systemPromptLeak: actions.SYSTEM_PROMPT_LEAK !== "off",
  };
}

/** A policy with the project's custom PII patterns (from its ingest settings), compiled once per change of either. */
export function compilePolicy(name: string, config: GuardPolicyConfig, projectPii: PiiSettings, prepare: (text: string) => SystemPromptGrams | null): CompiledPolicy {
  const denied = compileDeniedTerms(config.deniedTerms);
  return {
    name,
    config,
    input: compileDirection(config, "input", projectPii, denied),
    output: compileDirection(config, "output", projectPii, denied),
    systemPromptTexts: config.systemPrompts.texts.map(prepare).filter((g): g is SystemPromptGrams => g !== null),
  };
}

/** The action for a finding's type; custom pattern kinds (EMPLOYEE_ID…) take CUSTOM_PATTERN's. */
export function actionFor(direction: CompiledDirection, type: string, detector: string): GuardAction {
  if (detector === "customPattern") return direction.actions.CUSTOM_PATTERN;
  return direction.actions[type as GuardType] ?? "off";
}
