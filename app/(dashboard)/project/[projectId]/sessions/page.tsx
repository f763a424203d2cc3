import { Suspense } from "react";
import { SessionsClient } from "@/components/sessions/sessions-client";
import { AccessDenied } from "@/components/settings/access-denied";
import { Skeleton } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { projectPageAccess } from "@/lib/auth/project-page-access";

export const metadata = { title: "Sessions" };

export default async function SessionsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { role } = await projectPageAccess(projectId, `/project/${projectId}/sessions`);
  if (!can(role, "traces:read")) return <AccessDenied role={role} what="sessions" />;
  return (
    <Suspense fallback={<Skeleton className="h-64 w-full" />}>
      <SessionsClient projectId={projectId} />
    </Suspense>
  );
}
