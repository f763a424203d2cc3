import { RunDetailClient } from "@/components/runs/run-detail-client";
import { AccessDenied } from "@/components/settings/access-denied";
import { can } from "@/lib/auth/permissions";
import { projectPageAccess } from "@/lib/auth/project-page-access";

export const metadata = { title: "Run" };

export default async function RunPage({ params }: { params: Promise<{ projectId: string; runId: string }> }) {
  const { projectId, runId } = await params;
  const { role } = await projectPageAccess(projectId, `/project/${projectId}/runs/${runId}`);
  if (!can(role, "runs:read")) return <AccessDenied role={role} what="runs" />;
  return <RunDetailClient projectId={projectId} runId={runId} canCancel={can(role, "runs:start")} />;
}
