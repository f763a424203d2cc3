import type { ReactNode } from "react";
import type { Role } from "@/lib/auth/permissions";
import type { OrgWithProjects } from "@/lib/orgs/list-orgs-for-user";
import { sectionsFor } from "./nav-sections";
import { ProjectSwitcher } from "./project-switcher";
import { SidebarLink } from "./sidebar-link";
import { UserMenu } from "./user-menu";

export function AppShell({ orgs, projectId, role, email, children }: { orgs: OrgWithProjects[]; projectId: string; role: Role; email: string; children: ReactNode }) {
  return (
    <div className="flex min-h-screen">
      <aside className="sticky top-0 flex h-screen w-56 shrink-0 flex-col border-r border-zinc-200 bg-white px-2 py-3 dark:border-zinc-800 dark:bg-zinc-900">
        <div className="mb-3 flex items-center gap-2 px-2">
          <span className="inline-block h-5 w-5 rounded-full bg-gradient-to-br from-amber-300 to-indigo-600" aria-hidden />
          <span className="font-semibold tracking-tight">Pharos</span>
        </div>
        <ProjectSwitcher orgs={orgs} currentProjectId={projectId} />
        <nav className="mt-4 flex-1 space-y-0.5" aria-label="Sections">
          {sectionsFor(role).map((s) => (
            <SidebarLink key={s.href} href={`/project/${projectId}/${s.href}`} label={s.label} />
          ))}
        </nav>
        <UserMenu email={email} role={role} />
      </aside>
      <main className="min-w-0 flex-1 px-8 py-6">{children}</main>
    </div>
  );
}
