// POST /api/public/guard – check a text or chat messages against a guard policy: { verdict, text | messages (masked), findings }; records a guardrail span
import { withApiKey } from "@/lib/auth/with-api-key";
import { takeGuardRateLimitToken } from "@/lib/guard/rate-limit";
import { runGuard } from "@/lib/guard/run-guard";
import { json } from "@/lib/http";
import { guardBody } from "@/lib/schemas/guard";

export const POST = withApiKey({ scope: "secret", body: guardBody }, async ({ key, body }) => {
  takeGuardRateLimitToken(key);
  return json(await runGuard({ projectId: key.projectId, body }));
});
