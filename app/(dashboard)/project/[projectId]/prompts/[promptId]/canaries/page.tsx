import { PromptCanariesPanel } from "@/components/canary/prompt-canaries-panel";
import { AccessDenied } from "@/components/settings/access-denied";
import { can } from "@/lib/auth/permissions";
import { projectPageAccess } from "@/lib/auth/project-page-access";

export const metadata = { title: "Canaries" };

export default async function PromptCanariesPage({ params }: { params: Promise<{ projectId: string; promptId: string }> }) {
  const { projectId, promptId } = await params;
  const { role } = await projectPageAccess(projectId, `/project/${projectId}/prompts/${promptId}/canaries`);
  if (!can(role, "prompts:read")) return <AccessDenied role={role} what="prompts" />;
  return <PromptCanariesPanel projectId={projectId} promptId={promptId} canManage={can(role, "prompts:propose")} />;
}
