import { QueuesClient } from "@/components/annotate/queues-client";
import { AccessDenied } from "@/components/settings/access-denied";
import { can } from "@/lib/auth/permissions";
import { projectPageAccess } from "@/lib/auth/project-page-access";

export const metadata = { title: "Annotation" };

export default async function AnnotatePage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { role } = await projectPageAccess(projectId, `/project/${projectId}/annotate`);
  const manages = can(role, "annotation:manage");
  if (!manages && !can(role, "annotation:judge")) return <AccessDenied role={role} what="annotation queues" />;
  return <QueuesClient projectId={projectId} canManage={manages} />;
}
