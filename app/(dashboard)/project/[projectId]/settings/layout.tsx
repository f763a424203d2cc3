import type { ReactNode } from "react";
import { AccessDenied } from "@/components/settings/access-denied";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { can } from "@/lib/auth/permissions";
import { projectPageAccess } from "@/lib/auth/project-page-access";

export default async function SettingsLayout({ children, params }: { children: ReactNode; params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { role } = await projectPageAccess(projectId);
  if (!can(role, "settings:read")) return <AccessDenied role={role} what="project settings" />;
  return (
    <div>
      <h1 className="mb-5 text-xl font-semibold">Settings</h1>
      <div className="flex gap-8">
        <SettingsTabs projectId={projectId} showKeys={can(role, "apiKeys:read")} />
        <div className="min-w-0 flex-1 space-y-6">{children}</div>
      </div>
    </div>
  );
}
