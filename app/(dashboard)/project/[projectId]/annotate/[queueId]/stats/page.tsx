import { QueueStatsClient } from "@/components/annotate/queue-stats-client";
import { AccessDenied } from "@/components/settings/access-denied";
import { can } from "@/lib/auth/permissions";
import { projectPageAccess } from "@/lib/auth/project-page-access";

export const metadata = { title: "Queue statistics" };

export default async function QueueStatsPage({ params }: { params: Promise<{ projectId: string; queueId: string }> }) {
  const { projectId, queueId } = await params;
  const { role } = await projectPageAccess(projectId, `/project/${projectId}/annotate/${queueId}/stats`);
  if (!can(role, "annotation:manage")) return <AccessDenied role={role} what="queue statistics" />;
  return <QueueStatsClient projectId={projectId} queueId={queueId} />;
}
