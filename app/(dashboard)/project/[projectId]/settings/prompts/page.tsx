import { ProjectPolicyDefaults } from "@/components/prompts/policies/policies-panel";
import { ReleaseWebhookCard } from "@/components/settings/release-webhook-card";
import { AccessDenied } from "@/components/settings/access-denied";
import { can } from "@/lib/auth/permissions";
import { projectPageAccess } from "@/lib/auth/project-page-access";

export const metadata = { title: "Prompt settings" };

export default async function PromptSettingsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { role } = await projectPageAccess(projectId, `/project/${projectId}/settings/prompts`);
  if (!can(role, "prompts:read")) return <AccessDenied role={role} what="prompt settings" />;
  const canConfigure = can(role, "prompts:configure");
  return (
    <>
      <ProjectPolicyDefaults projectId={projectId} canEdit={canConfigure} />
      {canConfigure ? <ReleaseWebhookCard projectId={projectId} /> : <p className="text-sm text-zinc-500">Owners and admins set the release webhook.</p>}
    </>
  );
}
