import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { ingestSettings } from "@/lib/ingest/project-settings";
import { updateIngestSettings } from "@/lib/projects/update-ingest-settings";
import { updateIngestSettingsBody } from "@/lib/schemas/ingest-settings";

// GET /api/projects/[projectId]/settings/ingest – PII masking rules, feedback origins, price overrides
export const GET = withProject({ action: "settings:read" }, async ({ project }) => json(await ingestSettings(project.id)));

// PUT /api/projects/[projectId]/settings/ingest – change them (applies to traces ingested from now on)
export const PUT = withProject({ action: "project:update", body: updateIngestSettingsBody }, async ({ project, user, body }) =>
  json(await updateIngestSettings({ project, actorUserId: user.id, update: body })),
);
