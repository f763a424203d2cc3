import { Suspense } from "react";
import { GuardPoliciesClient } from "@/components/settings/guardrails/guard-policies-client";
import { Skeleton } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { projectPageAccess } from "@/lib/auth/project-page-access";

export const metadata = { title: "Guardrails" };

export default async function GuardrailsSettingsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { role } = await projectPageAccess(projectId);
  // The settings layout already refused roles without settings:read.
  return (
    <Suspense fallback={<Skeleton className="h-64 w-full" />}>
      <GuardPoliciesClient projectId={projectId} canEdit={can(role, "guard:configure")} />
    </Suspense>
  );
}
