import { Card } from "@/components/ui/card";
import { RenameProjectForm } from "@/components/settings/rename-project-form";
import { RetentionCard } from "@/components/settings/retention-card";
import { can } from "@/lib/auth/permissions";
import { projectPageAccess } from "@/lib/auth/project-page-access";

export const metadata = { title: "General settings" };

export default async function GeneralSettingsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { project, role } = await projectPageAccess(projectId);
  return (
    <>
      <Card title="Project" description="The name shown in the project switcher.">
        <RenameProjectForm projectId={project.id} name={project.name} canEdit={can(role, "project:update")} />
      </Card>
      <RetentionCard projectId={project.id} canEdit={can(role, "retention:configure")} />
      <Card title="Identifiers" description="Use these when calling the API or filing a support ticket.">
        <dl className="grid grid-cols-[8rem_1fr] gap-y-2 text-sm">
          <dt className="text-zinc-500">Project id</dt>
          <dd className="font-mono">{project.id}</dd>
          <dt className="text-zinc-500">Your role</dt>
          <dd>{role}</dd>
        </dl>
      </Card>
    </>
  );
}
