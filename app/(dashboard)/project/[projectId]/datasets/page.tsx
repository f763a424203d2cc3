import { DatasetsClient } from "@/components/datasets/datasets-client";
import { AccessDenied } from "@/components/settings/access-denied";
import { can } from "@/lib/auth/permissions";
import { projectPageAccess } from "@/lib/auth/project-page-access";

export const metadata = { title: "Golden sets" };

export default async function DatasetsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { role } = await projectPageAccess(projectId, `/project/${projectId}/datasets`);
  if (!can(role, "datasets:read")) return <AccessDenied role={role} what="golden sets" />;
  return <DatasetsClient projectId={projectId} canEdit={can(role, "datasets:update")} />;
}
