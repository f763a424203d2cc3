import { withApiKey } from "@/lib/auth/with-api-key";
import { json } from "@/lib/http";
import { listOnlineEvalRules } from "@/lib/online-evals/list-online-eval-rules";

// GET /api/public/online-evaluations – the key's project's online evaluation rules with their counters
export const GET = withApiKey({ scope: "secret" }, async ({ key }) => json({ rules: await listOnlineEvalRules({ projectId: key.projectId }) }));
