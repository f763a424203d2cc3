// GET /api/public/guard/policies – the key's project's guard policies (the built-in "default" until one of that name is saved)
import { withApiKey } from "@/lib/auth/with-api-key";
import { listGuardPolicies } from "@/lib/guard/list-guard-policies";
import { json } from "@/lib/http";

export const GET = withApiKey({ scope: "secret" }, async ({ key }) => json({ policies: await listGuardPolicies({ projectId: key.projectId }) }));
