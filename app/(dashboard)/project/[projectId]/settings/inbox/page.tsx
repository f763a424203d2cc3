import { TriageRulesSettings } from "@/components/inbox/rules-form";
import { can } from "@/lib/auth/permissions";
import { projectPageAccess } from "@/lib/auth/project-page-access";

export const metadata = { title: "Inbox rules" };

export default async function InboxSettingsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { role } = await projectPageAccess(projectId);
  return <TriageRulesSettings projectId={projectId} canEdit={can(role, "triage:configure")} />;
}
