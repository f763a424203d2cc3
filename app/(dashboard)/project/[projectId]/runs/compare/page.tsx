import { CompareClient } from "@/components/runs/compare-client";
import { parseIds } from "@/components/runs/prepare-runs";
import { AccessDenied } from "@/components/settings/access-denied";
import { can } from "@/lib/auth/permissions";
import { projectPageAccess } from "@/lib/auth/project-page-access";

export const metadata = { title: "Compare runs" };

export default async function CompareRunsPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<{ ids?: string }> }) {
  const { projectId } = await params;
  const { ids } = await searchParams;
  const { role } = await projectPageAccess(projectId, `/project/${projectId}/runs/compare${ids ? `?ids=${encodeURIComponent(ids)}` : ""}`);
  if (!can(role, "runs:read")) return <AccessDenied role={role} what="runs" />;
  return <CompareClient projectId={projectId} ids={parseIds(ids)} canAnnotate={can(role, "annotation:manage")} />;
}
