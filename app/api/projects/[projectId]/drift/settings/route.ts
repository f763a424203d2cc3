import { withProject } from "@/lib/auth/with-project";
import { embeddingSettings, settingsView, updateEmbeddingSettings } from "@/lib/drift/settings";
import { json } from "@/lib/http";
import { updateEmbeddingSettingsBody } from "@/lib/schemas/drift";

// GET /api/projects/[projectId]/drift/settings – embedding provider, fields, windows, baseline, alpha (never the API key)
export const GET = withProject({ action: "drift:manage" }, async ({ project }) => json({ settings: settingsView(await embeddingSettings(project.id)) }));

// PUT /api/projects/[projectId]/drift/settings – change them; the provider API key is stored encrypted
export const PUT = withProject({ action: "drift:manage", body: updateEmbeddingSettingsBody }, async ({ project, body }) =>
  json({ settings: settingsView(await updateEmbeddingSettings(project.id, body)) }),
);
