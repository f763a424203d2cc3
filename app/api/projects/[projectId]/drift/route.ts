import { withProject } from "@/lib/auth/with-project";
import { embeddingSettings } from "@/lib/drift/embedding-settings";
import { settingsView } from "@/lib/drift/embedding-settings-view";
import { embeddingSources } from "@/lib/drift/embedding-sources";
import { json } from "@/lib/http";

// GET /api/projects/[projectId]/drift – what drift can be measured on: field × model vector counts, and the settings
export const GET = withProject({ action: "drift:read" }, async ({ project }) =>
  json({ sources: await embeddingSources({ projectId: project.id }), settings: settingsView(await embeddingSettings({ projectId: project.id })) }),
);
