import { JudgeClient } from "@/components/annotate/judge-client";
import { AccessDenied } from "@/components/settings/access-denied";
import { can } from "@/lib/auth/permissions";
import { projectPageAccess } from "@/lib/auth/project-page-access";

export const metadata = { title: "Judge pairs" };

// The annotator's page: whether they are assigned is the API's answer (a queue of others is not found).
export default async function JudgePage({ params }: { params: Promise<{ projectId: string; queueId: string }> }) {
  const { projectId, queueId } = await params;
  const { role } = await projectPageAccess(projectId, `/project/${projectId}/annotate/${queueId}`);
  if (!can(role, "annotation:judge") && !can(role, "annotation:manage")) return <AccessDenied role={role} what="annotation queues" />;
  return <JudgeClient projectId={projectId} queueId={queueId} />;
}
