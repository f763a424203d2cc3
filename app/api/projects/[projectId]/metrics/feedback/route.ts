// GET /api/projects/[projectId]/metrics/feedback – latest thumbs feedback with comments
import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { feedbackComments } from "@/lib/metrics/feedback-comments";
import { rangeListQuery } from "@/lib/schemas/metrics";

export const GET = withProject({ action: "feedback:read", query: rangeListQuery }, async ({ project, query }) => json({ comments: await feedbackComments({ projectId: project.id, query }) }));
