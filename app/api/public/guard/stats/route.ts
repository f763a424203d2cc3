// GET /api/public/guard/stats – guard calls, block and mask rates per bucket and policy, findings by type (the overview's guardrail card)
import { withApiKey } from "@/lib/auth/with-api-key";
import { json } from "@/lib/http";
import { guardrailStats } from "@/lib/metrics/guardrail-stats";
import { guardrailStatsQuery } from "@/lib/schemas/metrics";

export const GET = withApiKey({ scope: "secret", query: guardrailStatsQuery }, async ({ key, query }) => json(await guardrailStats({ projectId: key.projectId, query })));
