import { redirect } from "next/navigation";
import { EmptyState } from "@/components/ui/card";
import { sectionsFor } from "@/components/layout/nav-sections";
import { projectPageAccess } from "@/lib/auth/project-page-access";

// Project home: the first section this role may open.
export default async function ProjectHome({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { role } = await projectPageAccess(projectId);
  const first = sectionsFor(role)[0];
  if (first) redirect(`/project/${projectId}/${first.href}`);
  return (
    <EmptyState title="Nothing to open here yet">
      Your role ({role}) gives access to annotation queues; they will appear here once your team creates one.
    </EmptyState>
  );
}
