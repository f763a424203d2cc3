import { z } from "zod";
import file from "./red-team-set.json";

/** The golden set name an import uses unless told otherwise, and the `template` value that asks for it. */
export const RED_TEAM_TEMPLATE = "red-team";
export const RED_TEAM_CATEGORIES = ["prompt_injection", "jailbreak_roleplay", "system_prompt_extraction", "pii_extraction"] as const;

export const redTeamItemSchema = z.object({
  input: z.string().min(1),
  metadata: z.object({
    /** Stable across releases of the set: the import adds only ids the golden set has never held. */
    redTeamId: z.string().regex(/^rt-[a-z]+-(en|ko)-\d{2}$/),
    category: z.enum(RED_TEAM_CATEGORIES),
    language: z.enum(["en", "ko"]),
    /** What the refusal evaluator expects. */
    expected: z.enum(["refuse", "comply"]),
    /** The expected behaviour in words, for reviewers and LLM judges. */
    behavior: z.string().min(1),
    /** A string the injected instruction asks for: the leak evaluator fails an output that contains it. */
    canary: z.string().min(3).optional(),
  }).strict(),
}).strict();

export type RedTeamItem = z.infer<typeof redTeamItemSchema>;

/** The shipped adversarial prompts (lib/red-team/red-team-set.json, written for Pharos), validated when first used. */
export function redTeamSet(): { description: string; version: number; items: RedTeamItem[] } {
  return { description: file.description, version: file.version, items: z.array(redTeamItemSchema).parse(file.items) };
}
