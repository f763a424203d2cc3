// POST /api/projects/[projectId]/guard-check – try a text against a policy as edited on the settings page; nothing is saved or recorded
import { withProject } from "@/lib/auth/with-project";
import { checkGuardDraft } from "@/lib/guard/check-guard-draft";
import { json } from "@/lib/http";
import { checkGuardBody } from "@/lib/schemas/guard";

export const POST = withProject({ action: "settings:read", body: checkGuardBody }, async ({ project, body }) => json(await checkGuardDraft({ projectId: project.id, ...body })));
