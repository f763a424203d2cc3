// GET /api/public/traces – newest traces first with filters; keyset pagination via `cursor`
import { withApiKey } from "@/lib/auth/with-api-key";
import { json } from "@/lib/http";
import { listTracesQuery } from "@/lib/schemas/traces";
import { listTraces } from "@/lib/traces/list-traces";

export const GET = withApiKey({ scope: "secret", query: listTracesQuery }, async ({ key, query }) => json(await listTraces({ projectId: key.projectId, query })));
