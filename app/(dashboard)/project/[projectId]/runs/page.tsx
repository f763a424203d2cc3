import { RunsClient } from "@/components/runs/runs-client";
import { AccessDenied } from "@/components/settings/access-denied";
import { can } from "@/lib/auth/permissions";
import { projectPageAccess } from "@/lib/auth/project-page-access";

export const metadata = { title: "Runs" };

export default async function RunsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { role } = await projectPageAccess(projectId, `/project/${projectId}/runs`);
  if (!can(role, "runs:read")) return <AccessDenied role={role} what="runs" />;
  return <RunsClient projectId={projectId} canStart={can(role, "runs:start")} />;
}
