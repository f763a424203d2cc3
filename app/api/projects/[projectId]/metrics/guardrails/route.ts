// GET /api/projects/[projectId]/metrics/guardrails – guard calls, block and mask rates per bucket, per policy, and findings by type
import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { guardrailStats } from "@/lib/metrics/guardrail-stats";
import { guardrailStatsQuery } from "@/lib/schemas/metrics";

export const GET = withProject({ action: "dashboards:read", query: guardrailStatsQuery }, async ({ project, query }) => json(await guardrailStats({ projectId: project.id, query })));
