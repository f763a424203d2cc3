import { headers } from "next/headers";
import { IngestionSettingsClient } from "@/components/settings/ingestion/ingestion-settings-client";
import { SendTracesCard } from "@/components/settings/ingestion/send-traces-card";
import { can } from "@/lib/auth/permissions";
import { projectPageAccess } from "@/lib/auth/project-page-access";
import { publicOrigin } from "@/lib/public-origin";

export const metadata = { title: "Ingestion" };

export default async function IngestionSettingsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { role } = await projectPageAccess(projectId);
  const origin = publicOrigin(await headers());
  return (
    <>
      <SendTracesCard origin={origin} />
      <IngestionSettingsClient projectId={projectId} canEdit={can(role, "project:update")} />
    </>
  );
}
