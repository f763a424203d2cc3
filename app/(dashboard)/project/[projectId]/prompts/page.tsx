import { Suspense } from "react";
import { PromptsClient } from "@/components/prompts/prompts-client";
import { AccessDenied } from "@/components/settings/access-denied";
import { Skeleton } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { projectPageAccess } from "@/lib/auth/project-page-access";

export const metadata = { title: "Prompts" };

export default async function PromptsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { role } = await projectPageAccess(projectId, `/project/${projectId}/prompts`);
  if (!can(role, "prompts:read")) return <AccessDenied role={role} what="prompts" />;
  return (
    <Suspense fallback={<Skeleton className="h-96 w-full" />}>
      <PromptsClient projectId={projectId} canEdit={can(role, "prompts:propose")} />
    </Suspense>
  );
}
