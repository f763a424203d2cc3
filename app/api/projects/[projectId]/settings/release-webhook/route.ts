import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { getReleaseWebhook, updateReleaseWebhook } from "@/lib/prompts/update-release-webhook";
import { releaseWebhookBody } from "@/lib/schemas/prompts";

// GET /api/projects/[projectId]/settings/release-webhook – the release webhook URL (masked) and its recent deliveries
export const GET = withProject({ action: "prompts:configure" }, async ({ project }) => json(await getReleaseWebhook({ projectId: project.id })));

// PUT /api/projects/[projectId]/settings/release-webhook – set or clear (null) where label moves and guard ends are POSTed (audited; the masked value sent back keeps it)
export const PUT = withProject({ action: "prompts:configure", body: releaseWebhookBody }, async ({ project, user, body }) =>
  json(await updateReleaseWebhook({ project, actor: { userId: user.id }, url: body.url })),
);
