import { headers } from "next/headers";
import { Suspense } from "react";
import { OverviewClient } from "@/components/overview/overview-client";
import { AccessDenied } from "@/components/settings/access-denied";
import { Skeleton } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { projectPageAccess } from "@/lib/auth/project-page-access";
import { publicOrigin } from "@/lib/public-origin";

export const metadata = { title: "Overview" };

export default async function OverviewPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { role } = await projectPageAccess(projectId);
  if (!can(role, "dashboards:read")) return <AccessDenied role={role} what="dashboards" />;
  // The empty state shows this server's ingestion endpoint, which the browser cannot know behind a proxy.
  const origin = publicOrigin(await headers());
  return (
    <Suspense fallback={<Skeleton className="h-96 w-full" />}>
      <OverviewClient projectId={projectId} origin={origin} />
    </Suspense>
  );
}
