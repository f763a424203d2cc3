import { SidebarLink } from "@/components/layout/sidebar-link";

export function SettingsTabs({ projectId, showKeys }: { projectId: string; showKeys: boolean }) {
  const base = `/project/${projectId}/settings`;
  return (
    <nav className="flex w-40 shrink-0 flex-col gap-0.5" aria-label="Settings">
      <SidebarLink href={`${base}/general`} label="General" />
      {showKeys && <SidebarLink href={`${base}/api-keys`} label="API keys" />}
      <SidebarLink href={`${base}/ingestion`} label="Ingestion" />
      <SidebarLink href={`${base}/llm-connections`} label="LLM connections" />
      <SidebarLink href={`${base}/guardrails`} label="Guardrails" />
      <SidebarLink href={`${base}/inbox`} label="Inbox rules" />
      <SidebarLink href={`${base}/fairness`} label="Fairness terms" />
      <SidebarLink href={`${base}/prompts`} label="Prompts" />
      <SidebarLink href={`${base}/members`} label="Members" />
    </nav>
  );
}
