import { withProject } from "@/lib/auth/with-project";
import { embeddingSettings } from "@/lib/drift/embedding-settings";
import { settingsView } from "@/lib/drift/embedding-settings-view";
import { updateEmbeddingSettings } from "@/lib/drift/update-embedding-settings";
import { json } from "@/lib/http";
import { updateEmbeddingSettingsBody } from "@/lib/schemas/drift";

// GET /api/projects/[projectId]/drift/settings – embedding provider, fields, windows, baseline, alpha (never the API key)
export const GET = withProject({ action: "drift:manage" }, async ({ project }) => json({ settings: settingsView(await embeddingSettings({ projectId: project.id })) }));

// PUT /api/projects/[projectId]/drift/settings – change them; the provider API key is stored encrypted
export const PUT = withProject({ action: "drift:manage", body: updateEmbeddingSettingsBody }, async ({ project, user, body }) =>
  json({ settings: settingsView(await updateEmbeddingSettings({ project, actorUserId: user.id, changes: body })) }),
);
