import { OnlineEvalsClient } from "@/components/online-evals/online-evals-client";
import { AccessDenied } from "@/components/settings/access-denied";
import { can } from "@/lib/auth/permissions";
import { projectPageAccess } from "@/lib/auth/project-page-access";

export const metadata = { title: "Online evaluation" };

export default async function OnlineEvaluationsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { role } = await projectPageAccess(projectId, `/project/${projectId}/online-evaluations`);
  if (!can(role, "runs:read")) return <AccessDenied role={role} what="online evaluation" />;
  return <OnlineEvalsClient projectId={projectId} canManage={can(role, "onlineEvals:manage")} />;
}
