import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { sendTestReleaseEvent } from "@/lib/prompts/send-test-release-event";

// POST /api/projects/[projectId]/settings/release-webhook/test – post a test event to the release webhook now and say how it went
export const POST = withProject({ action: "prompts:configure" }, async ({ project, user }) => json(await sendTestReleaseEvent({ project, userId: user.id })));
