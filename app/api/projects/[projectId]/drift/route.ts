import { withProject } from "@/lib/auth/with-project";
import { embeddingSources } from "@/lib/drift/reports";
import { embeddingSettings, settingsView } from "@/lib/drift/settings";
import { json } from "@/lib/http";

// GET /api/projects/[projectId]/drift – what drift can be measured on: field × model vector counts, and the settings
export const GET = withProject({ action: "drift:read" }, async ({ project }) =>
  json({ sources: await embeddingSources(project.id), settings: settingsView(await embeddingSettings(project.id)) }),
);
