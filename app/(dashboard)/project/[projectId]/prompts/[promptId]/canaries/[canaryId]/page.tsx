import { CanaryClient } from "@/components/canary/canary-client";
import { AccessDenied } from "@/components/settings/access-denied";
import { can } from "@/lib/auth/permissions";
import { projectPageAccess } from "@/lib/auth/project-page-access";

export const metadata = { title: "Canary" };

export default async function CanaryPage({ params }: { params: Promise<{ projectId: string; promptId: string; canaryId: string }> }) {
  const { projectId, promptId, canaryId } = await params;
  const { role } = await projectPageAccess(projectId, `/project/${projectId}/prompts/${promptId}/canaries/${canaryId}`);
  if (!can(role, "prompts:read")) return <AccessDenied role={role} what="prompts" />;
  return <CanaryClient projectId={projectId} promptId={promptId} canaryId={canaryId} canManage={can(role, "prompts:propose")} />;
}
