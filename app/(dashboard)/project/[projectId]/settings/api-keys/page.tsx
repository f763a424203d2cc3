import { AccessDenied } from "@/components/settings/access-denied";
import { ApiKeysClient } from "@/components/settings/api-keys-client";
import { can } from "@/lib/auth/permissions";
import { projectPageAccess } from "@/lib/auth/project-page-access";

export const metadata = { title: "API keys" };

export default async function ApiKeysPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { role } = await projectPageAccess(projectId);
  if (!can(role, "apiKeys:read")) return <AccessDenied role={role} what="API keys" />;
  return <ApiKeysClient projectId={projectId} canManage={can(role, "apiKeys:manage")} />;
}
