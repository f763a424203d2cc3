import type { ReactNode } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { projectPageAccess } from "@/lib/auth/project-page-access";
import { listOrgsForUser } from "@/lib/orgs/list-orgs-for-user";

export default async function ProjectLayout({ children, params }: { children: ReactNode; params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { user, role } = await projectPageAccess(projectId);
  const orgs = await listOrgsForUser({ userId: user.id });
  return (
    <AppShell orgs={orgs} projectId={projectId} role={role} email={user.email}>
      {children}
    </AppShell>
  );
}
