import { headers } from "next/headers";
import { Suspense } from "react";
import { AccessDenied } from "@/components/settings/access-denied";
import { ExplorerClient, ExplorerSkeleton } from "@/components/traces/explorer/explorer-client";
import { can } from "@/lib/auth/permissions";
import { projectPageAccess } from "@/lib/auth/project-page-access";
import { publicOrigin } from "@/lib/public-origin";

export const metadata = { title: "Traces" };

export default async function TracesPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { role } = await projectPageAccess(projectId);
  if (!can(role, "traces:read")) return <AccessDenied role={role} what="traces" />;
  // The empty state shows this server's ingestion endpoint, which the browser cannot know behind a proxy.
  const origin = publicOrigin(await headers());
  return (
    <Suspense fallback={<ExplorerSkeleton />}>
      <ExplorerClient projectId={projectId} origin={origin} canManageViews={can(role, "views:manage")} canAnnotate={can(role, "annotation:manage")} />
    </Suspense>
  );
}
