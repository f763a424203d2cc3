import "server-only";
import { type SystemPromptGrams, systemPromptGrams } from "../detectors/system-prompt-leak";
import { promptVersionsInUse } from "../prompts/fetch/fetch-prompt";
import { systemPromptOf, type PromptType, type Template } from "../prompts/template";
import { type CompiledPolicy, SYSTEM_PROMPT_NGRAM } from "./compile-policy";

// Versions are immutable, so their n-grams never go stale: keyed by version, evicted oldest first.
const MAX_ENTRIES = 2_000;
const grams = new Map<string, SystemPromptGrams | null>();

function gramsOf(key: string, type: PromptType, template: unknown): SystemPromptGrams | null {
  if (grams.has(key)) return grams.get(key)!;
  const value = systemPromptGrams(systemPromptOf(type, template as Template), SYSTEM_PROMPT_NGRAM);
  if (grams.size >= MAX_ENTRIES) grams.delete(grams.keys().next().value!);
  grams.set(key, value);
  return value;
}

/**
 * The system prompts an output is checked against under a policy: its literal texts, and for
 * each registered prompt the versions that may be answering now (production, its canary, the
 * newest), read through the prompt fetch cache, so a label move is seen on the next call.
 */
export async function registeredSystemPrompts(projectId: string, policy: CompiledPolicy): Promise<SystemPromptGrams[]> {
  const out = [...policy.systemPromptTexts];
  for (const name of policy.config.systemPrompts.prompts) {
    for (const v of await promptVersionsInUse({ projectId, name })) {
      const g = gramsOf(`${projectId}\u0000${name}\u0000${v.version}`, v.type, v.template);
      if (g) out.push(g);
    }
  }
  return out;
}
