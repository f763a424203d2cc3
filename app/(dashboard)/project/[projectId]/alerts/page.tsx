import { AlertsClient } from "@/components/alerts/alerts-client";
import { AccessDenied } from "@/components/settings/access-denied";
import { can } from "@/lib/auth/permissions";
import { projectPageAccess } from "@/lib/auth/project-page-access";

export const metadata = { title: "Alerts" };

export default async function AlertsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { role } = await projectPageAccess(projectId);
  if (!can(role, "dashboards:read")) return <AccessDenied role={role} what="alerts" />;
  return <AlertsClient projectId={projectId} canManage={can(role, "alerts:manage")} />;
}
