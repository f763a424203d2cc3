import { Suspense } from "react";
import { DatasetDetailClient } from "@/components/datasets/dataset-detail-client";
import { AccessDenied } from "@/components/settings/access-denied";
import { Skeleton } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { projectPageAccess } from "@/lib/auth/project-page-access";

export const metadata = { title: "Golden set" };

export default async function DatasetPage({ params }: { params: Promise<{ projectId: string; datasetId: string }> }) {
  const { projectId, datasetId } = await params;
  const { role } = await projectPageAccess(projectId, `/project/${projectId}/datasets/${datasetId}`);
  if (!can(role, "datasets:read")) return <AccessDenied role={role} what="golden sets" />;
  return (
    <Suspense fallback={<Skeleton className="h-96 w-full" />}>
      <DatasetDetailClient projectId={projectId} datasetId={datasetId} canEdit={can(role, "datasets:update")} />
    </Suspense>
  );
}
