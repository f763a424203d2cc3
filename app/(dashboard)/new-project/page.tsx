import Link from "next/link";
import { AuthFrame } from "@/components/auth/auth-frame";
import { NewProjectForm } from "@/components/projects/new-project-form";
import { can } from "@/lib/auth/permissions";
import { requireCurrentUser } from "@/lib/auth/current-user";
import { listOrgsForUser } from "@/lib/orgs/list-orgs-for-user";

export const metadata = { title: "New project" };

export default async function NewProjectPage({ searchParams }: { searchParams: Promise<{ orgId?: string }> }) {
  const user = await requireCurrentUser("/new-project");
  const { orgId } = await searchParams;
  const memberships = await listOrgsForUser({ userId: user.id });
  const orgs = memberships.filter((o) => can(o.role, "project:create"));
  const hasProjects = memberships.some((o) => o.projects.length > 0);
  return (
    <AuthFrame title="Create a project" footer={hasProjects ? <Link className="text-indigo-600 hover:underline" href="/">Back to your projects</Link> : null}>
      <p className="mb-4 text-sm text-zinc-600">A project holds the traces, prompts and datasets of one LLM application. Each has its own API keys.</p>
      {orgs.length > 0 ? (
        <NewProjectForm orgs={orgs} defaultOrgId={orgId} />
      ) : (
        <p className="text-sm text-zinc-600">You are not an owner or admin of any organization, so you cannot create projects. Ask an admin to add you to one.</p>
      )}
    </AuthFrame>
  );
}
