import { SessionDetailClient } from "@/components/sessions/session-detail-client";
import { AccessDenied } from "@/components/settings/access-denied";
import { can } from "@/lib/auth/permissions";
import { projectPageAccess } from "@/lib/auth/project-page-access";

export const metadata = { title: "Session" };

function decodeId(id: string): string {
  try {
    return decodeURIComponent(id);
  } catch {
    return id;
  }
}

export default async function SessionPage({ params }: { params: Promise<{ projectId: string; sessionId: string }> }) {
  const { projectId, sessionId } = await params;
  const { role } = await projectPageAccess(projectId, `/project/${projectId}/sessions/${sessionId}`);
  if (!can(role, "traces:read")) return <AccessDenied role={role} what="sessions" />;
  return <SessionDetailClient projectId={projectId} sessionId={decodeId(sessionId)} />;
}
