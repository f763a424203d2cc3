import { Suspense } from "react";
import { AuditClient } from "@/components/audit/audit-client";
import { Skeleton } from "@/components/ui/card";
import { AccessDenied } from "@/components/settings/access-denied";
import { can } from "@/lib/auth/permissions";
import { projectPageAccess } from "@/lib/auth/project-page-access";

export const metadata = { title: "Audit log" };

export default async function AuditPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { role } = await projectPageAccess(projectId, `/project/${projectId}/audit`);
  if (!can(role, "audit:read")) return <AccessDenied role={role} what="the audit log" />;
  return (
    <Suspense fallback={<Skeleton className="h-96 w-full" />}>
      <AuditClient projectId={projectId} />
    </Suspense>
  );
}
