import { Suspense } from "react";
import { AccessDenied } from "@/components/settings/access-denied";
import { TraceDetailClient } from "@/components/traces/detail/trace-detail-client";
import { Skeleton } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { projectPageAccess } from "@/lib/auth/project-page-access";

export const metadata = { title: "Trace" };

/** Ids arrive percent-encoded or not depending on how the URL was built; never throw on a stray "%". */
function decodeId(id: string): string {
  try {
    return decodeURIComponent(id);
  } catch {
    return id;
  }
}

export default async function TracePage({ params }: { params: Promise<{ projectId: string; traceId: string }> }) {
  const { projectId, traceId } = await params;
  const { role } = await projectPageAccess(projectId, `/project/${projectId}/traces/${traceId}`);
  if (!can(role, "traces:read")) return <AccessDenied role={role} what="traces" />;
  return (
    <Suspense fallback={<Skeleton className="h-96 w-full" />}>
      <TraceDetailClient projectId={projectId} traceId={decodeId(traceId)} role={role} />
    </Suspense>
  );
}
