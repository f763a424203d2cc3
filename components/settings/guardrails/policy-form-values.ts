import { DEFAULT_ACTIONS, GUARD_TYPE_LABELS, GUARD_TYPES, type GuardAction, type GuardDirection, type GuardPolicyConfig, type GuardPolicyView, type GuardType, type SaveGuardPolicy } from "@/lib/schemas/guard";

/** The policy editor's state: lists as one-per-line text, the overlap as typed. */
export type PolicyForm = {
  name: string;
  description: string;
  isDefault: boolean;
  input: Record<GuardType, GuardAction>;
  output: Record<GuardType, GuardAction>;
  deniedTerms: string;
  prompts: string;
  texts: string[];
  minOverlap: string;
};

export function formFromPolicy(p: GuardPolicyView | null): PolicyForm {
  return {
    name: p?.name ?? "",
    description: p?.description ?? "",
    isDefault: p?.isDefault ?? false,
    input: { ...DEFAULT_ACTIONS.input, ...p?.input },
    output: { ...DEFAULT_ACTIONS.output, ...p?.output },
    deniedTerms: (p?.deniedTerms ?? []).join("\n"),
    prompts: (p?.systemPrompts.prompts ?? []).join("\n"),
    texts: p?.systemPrompts.texts ?? [],
    minOverlap: String(p?.systemPrompts.minOverlap ?? 0.35),
  };
}

const lines = (text: string) => [...new Set(text.split("\n").map((l) => l.trim()).filter(Boolean))];

/** The policy's behaviour as the API takes it, or what to fix first (the server checks again and names fields). */
export function configFromForm(f: PolicyForm): { config: GuardPolicyConfig } | { error: string } {
  const minOverlap = Number(f.minOverlap);
  if (!Number.isFinite(minOverlap) || minOverlap <= 0 || minOverlap > 1) return { error: "Minimum overlap: a number above 0 and at most 1 (0.35 = 35 % of the prompt's 4-word phrases)." };
  const deniedTerms = lines(f.deniedTerms);
  const short = deniedTerms.find((t) => t.length < 2);
  if (short) return { error: `Denied term "${short}": at least 2 characters.` };
  return {
    config: {
      input: f.input, output: f.output, deniedTerms,
      systemPrompts: { prompts: lines(f.prompts), texts: f.texts.map((t) => t.trim()).filter(Boolean), minOverlap },
    },
  };
}

export function policyFromForm(f: PolicyForm): { policy: SaveGuardPolicy } | { error: string } {
  const name = f.name.trim();
  if (!name) return { error: "Name: required." };
  if (name.includes("/")) return { error: "Name: must not contain '/'." };
  const c = configFromForm(f);
  if ("error" in c) return c;
  return { policy: { name, description: f.description.trim(), isDefault: f.isDefault, ...c.config } };
}

/** "Blocks: Prompt injection (in) · Masks: 5 PII types (in, out)…" — one line for the policy list. */
export function summarizePolicy(p: Pick<GuardPolicyView, GuardDirection>): string {
  const parts: string[] = [];
  for (const action of ["block", "mask"] as const) {
    const types = GUARD_TYPES.filter((t) => p.input[t] === action || p.output[t] === action);
    if (!types.length) continue;
    const where = (t: GuardType) => [p.input[t] === action ? "in" : null, p.output[t] === action ? "out" : null].filter(Boolean).join("+");
    parts.push(`${action === "block" ? "Blocks" : "Masks"}: ${types.map((t) => `${GUARD_TYPE_LABELS[t].toLowerCase()} (${where(t)})`).join(", ")}`);
  }
  return parts.join(" · ") || "Reports only";
}
