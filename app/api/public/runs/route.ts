import { withApiKey } from "@/lib/auth/with-api-key";
import { json } from "@/lib/http";
import { startRun } from "@/lib/runs/start-run";
import { startRunBody } from "@/lib/schemas/runs";

// POST /api/public/runs – start a run (a prompt version × model, or supplied outputs) over the golden set's snapshot now → { id } (202)
export const POST = withApiKey({ scope: "secret", body: startRunBody }, async ({ key, body }) => {
  const run = await startRun({ projectId: key.projectId, body, actor: { apiKeyId: key.apiKeyId } });
  return json({ id: run.id, snapshotAt: run.snapshotAt, total: run.total }, 202);
});
