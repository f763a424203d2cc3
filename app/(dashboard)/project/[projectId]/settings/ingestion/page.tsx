import { headers } from "next/headers";
import { IngestionSettingsClient } from "@/components/settings/ingestion/ingestion-settings-client";
import { SendTracesCard } from "@/components/settings/ingestion/send-traces-card";
import { can } from "@/lib/auth/permissions";
import { projectPageAccess } from "@/lib/auth/project-page-access";

export const metadata = { title: "Ingestion" };

export default async function IngestionSettingsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { role } = await projectPageAccess(projectId);
  const h = await headers();
  const origin = process.env.NEXTAUTH_URL ?? `${h.get("x-forwarded-proto") ?? "http"}://${h.get("host")}`;
  return (
    <>
      <SendTracesCard origin={origin.replace(/\/$/, "")} />
      <IngestionSettingsClient projectId={projectId} canEdit={can(role, "project:update")} />
    </>
  );
}
