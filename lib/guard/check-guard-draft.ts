import "server-only";
import { systemPromptGrams } from "../detectors/system-prompt-leak";
import { ingestSettings } from "../ingest/project-settings";
import type { GuardDirection, GuardPolicyConfig } from "../schemas/guard";
import { guardText } from "./apply-policy";
import { compilePolicy, SYSTEM_PROMPT_NGRAM } from "./compile-policy";
import { registeredSystemPrompts } from "./system-prompts";

/** The settings page's "try it": a policy as edited, not saved, on one text; the same detectors as guard calls; nothing recorded. */
export async function checkGuardDraft(options: { projectId: string; text: string; direction: GuardDirection; config: GuardPolicyConfig }) {
  const { projectId, text, direction, config } = options;
  const { pii } = await ingestSettings(projectId);
  const policy = compilePolicy("draft", config, pii, (t) => systemPromptGrams(t, SYSTEM_PROMPT_NGRAM));
  const side = policy[direction];
  const systemPrompts = side.systemPromptLeak ? await registeredSystemPrompts(projectId, policy) : [];
  return guardText(text, { side, systemPrompts, minOverlap: config.systemPrompts.minOverlap });
}
