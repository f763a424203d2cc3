import type { GuardFinding, GuardPolicyView, GuardVerdict } from "@/lib/schemas/guard";

export type GuardPolicyRow = GuardPolicyView;
export type GuardCheckResult = { verdict: GuardVerdict; text: string; findings: GuardFinding[] };

export const guardKeys = {
  all: (projectId: string) => ["projects", projectId, "guard-policies"] as const,
};

export const guardPoliciesPath = (projectId: string) => `/api/projects/${projectId}/guard-policies`;
