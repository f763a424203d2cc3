// GET /api/projects/[projectId]/members – org members with their role in this project
import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { listMembers } from "@/lib/members/list-members";

export const GET = withProject({ action: "members:read" }, async ({ project }) => json({ members: await listMembers(project) }));
