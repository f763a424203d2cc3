"use client";
// Radix DropdownMenu owns keyboard navigation and focus; we own the look.
import * as Menu from "@radix-ui/react-dropdown-menu";
import { Check, ChevronsUpDown, Plus } from "lucide-react";
import Link from "next/link";
import type { OrgWithProjects } from "@/lib/orgs/list-orgs-for-user";

export function ProjectSwitcher({ orgs, currentProjectId }: { orgs: OrgWithProjects[]; currentProjectId: string }) {
  const currentOrg = orgs.find((o) => o.projects.some((p) => p.id === currentProjectId));
  const current = currentOrg?.projects.find((p) => p.id === currentProjectId);
  return (
    <Menu.Root>
      <Menu.Trigger
        className="flex w-full items-center justify-between gap-2 rounded-md px-2 py-1.5 text-left hover:bg-zinc-100 dark:hover:bg-zinc-800"
        aria-label="Switch project"
      >
        <span className="min-w-0">
          {/* Long names are cut in the narrow sidebar; the title shows them whole. */}
          <span className="block truncate text-xs text-zinc-500" title={currentOrg?.name}>{currentOrg?.name}</span>
          <span className="block truncate text-sm font-semibold" data-testid="current-project" title={current?.name}>
            {current?.name}
          </span>
        </span>
        <ChevronsUpDown className="h-4 w-4 shrink-0 text-zinc-400" />
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content align="start" sideOffset={4} className="z-50 max-h-96 min-w-64 overflow-y-auto rounded-md border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-800 dark:bg-zinc-900">
          {orgs.map((org) => (
            <Menu.Group key={org.id}>
              <Menu.Label className="px-2 pb-1 pt-2 text-xs font-medium text-zinc-500">{org.name}</Menu.Label>
              {org.projects.map((p) => (
                <Menu.Item key={p.id} asChild>
                  <Link href={`/project/${p.id}`} className="flex items-center justify-between rounded px-2 py-1.5 text-sm outline-none data-[highlighted]:bg-zinc-100 dark:data-[highlighted]:bg-zinc-800">
                    {p.name}
                    {p.id === currentProjectId && <Check className="h-4 w-4 text-indigo-600" />}
                  </Link>
                </Menu.Item>
              ))}
              {(org.role === "owner" || org.role === "admin") && (
                <Menu.Item asChild>
                  <Link href={`/new-project?orgId=${org.id}`} className="flex items-center gap-1.5 rounded px-2 py-1.5 text-sm text-indigo-600 outline-none data-[highlighted]:bg-zinc-100 dark:data-[highlighted]:bg-zinc-800">
                    <Plus className="h-4 w-4" /> New project
                  </Link>
                </Menu.Item>
              )}
            </Menu.Group>
          ))}
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
