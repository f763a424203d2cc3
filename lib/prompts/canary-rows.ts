import type { PromptCanary } from "../generated/prisma/client";
import type { CanaryGuard } from "../schemas/prompts";

export function serializeCanary(c: PromptCanary) {
  return {
    id: c.id, promptId: c.promptId, label: c.label, baseVersion: c.baseVersion, canaryVersion: c.canaryVersion, percent: c.percent,
    guard: (c.guard ?? null) as CanaryGuard | null, status: c.status, endedReason: c.endedReason, startedById: c.startedById,
    startedAt: c.startedAt.toISOString(), endedAt: c.endedAt?.toISOString() ?? null, lastCheckedAt: c.lastCheckedAt?.toISOString() ?? null,
  };
}
export type CanaryView = ReturnType<typeof serializeCanary>;
