import type { Role } from "../auth/permissions";
import type { PromptPolicy } from "../generated/prisma/client";
import { db } from "../db";
import { type RunGate, runGateSchema } from "../schemas/prompts";
import type { Tx } from "./prompt-rows";

export type PolicyRule = {
  requiredApprovals: number;
  approverRoles: Role[];
  approverUserIds: string[];
  allowSelfApproval: boolean;
  autoMerge: boolean;
  requirePassingRun: boolean;
  /** What a passing run means when requirePassingRun is on (null: none configured). */
  runGate: RunGate | null;
};
/** Where the rule comes from: the prompt's own row, the project default (promptId ""), or the built-in default. */
export type EffectivePolicy = PolicyRule & { label: string; source: "prompt" | "project" | "default" };

/** With no row: production needs one approval by an owner or admin, no self-approval; other labels none. */
export function defaultPolicy(label: string): PolicyRule {
  return { requiredApprovals: label === "production" ? 1 : 0, approverRoles: ["owner", "admin"], approverUserIds: [], allowSelfApproval: false, autoMerge: false, requirePassingRun: false, runGate: null };
}

export function toRule(row: PromptPolicy): PolicyRule {
  return {
    requiredApprovals: row.requiredApprovals, approverRoles: row.approverRoles, approverUserIds: row.approverUserIds,
    allowSelfApproval: row.allowSelfApproval, autoMerge: row.autoMerge, requirePassingRun: row.requirePassingRun,
    // Stored rows were validated on write; a row that no longer parses counts as no gate (and blocks, see gate-status.ts).
    runGate: row.runGate === null ? null : (runGateSchema.safeParse(row.runGate).data ?? null),
  };
}

/** The policy that governs `label` of a prompt: its own row, else the project default, else the built-in default. */
export async function resolvePolicy(options: { projectId: string; promptId: string; label: string; tx?: Tx }): Promise<EffectivePolicy> {
  const { projectId, promptId, label } = options;
  const rows = await (options.tx ?? db).promptPolicy.findMany({ where: { projectId, label, promptId: { in: [promptId, ""] } } });
  const own = rows.find((r) => r.promptId === promptId && promptId !== "");
  const project = rows.find((r) => r.promptId === "");
  if (own) return { ...toRule(own), label, source: "prompt" };
  if (project) return { ...toRule(project), label, source: "project" };
  return { ...defaultPolicy(label), label, source: "default" };
}
