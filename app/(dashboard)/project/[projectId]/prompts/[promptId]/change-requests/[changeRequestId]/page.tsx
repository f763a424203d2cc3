import { ChangeRequestClient } from "@/components/prompts/change-request-client";
import { AccessDenied } from "@/components/settings/access-denied";
import { can } from "@/lib/auth/permissions";
import { projectPageAccess } from "@/lib/auth/project-page-access";

export const metadata = { title: "Change request" };

export default async function ChangeRequestPage({ params }: { params: Promise<{ projectId: string; promptId: string; changeRequestId: string }> }) {
  const { projectId, promptId, changeRequestId } = await params;
  const { role, user } = await projectPageAccess(projectId, `/project/${projectId}/prompts/${promptId}/change-requests/${changeRequestId}`);
  if (!can(role, "prompts:read")) return <AccessDenied role={role} what="prompts" />;
  return (
    <ChangeRequestClient
      projectId={projectId} promptId={promptId} changeRequestId={changeRequestId} currentUserId={user.id}
      canReview={can(role, "prompts:review")} canPropose={can(role, "prompts:propose")} canOverrideGate={can(role, "prompts:rollback")}
    />
  );
}
