import { AccessDenied } from "@/components/settings/access-denied";
import { LlmConnectionsClient } from "@/components/settings/llm-connections/llm-connections-client";
import { can } from "@/lib/auth/permissions";
import { projectPageAccess } from "@/lib/auth/project-page-access";

export const metadata = { title: "LLM connections" };

export default async function LlmConnectionsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { role } = await projectPageAccess(projectId);
  if (!can(role, "settings:read")) return <AccessDenied role={role} what="LLM connections" />;
  return <LlmConnectionsClient projectId={projectId} canManage={can(role, "llmConnections:manage")} />;
}
