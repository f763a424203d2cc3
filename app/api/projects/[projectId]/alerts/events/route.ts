// GET /api/projects/[projectId]/alerts/events – recent firing / recovery / test events and their delivery
import { z } from "zod";
import { listAlertEvents } from "@/lib/alerts/list-alert-events";
import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";

export const GET = withProject({ action: "dashboards:read", query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }) }, async ({ project, query }) =>
  json({ events: await listAlertEvents({ projectId: project.id, limit: query.limit }) }),
);
