import { DriftClient } from "@/components/drift/drift-client";
import { AccessDenied } from "@/components/settings/access-denied";
import { can } from "@/lib/auth/permissions";
import { projectPageAccess } from "@/lib/auth/project-page-access";

export const metadata = { title: "Drift" };

export default async function DriftPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { role } = await projectPageAccess(projectId);
  if (!can(role, "drift:read")) return <AccessDenied role={role} what="drift" />;
  return <DriftClient projectId={projectId} canManage={can(role, "drift:manage")} />;
}
