import { Suspense } from "react";
import { PromptDetailClient } from "@/components/prompts/prompt-detail-client";
import { AccessDenied } from "@/components/settings/access-denied";
import { Skeleton } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { projectPageAccess } from "@/lib/auth/project-page-access";

export const metadata = { title: "Prompt" };

export default async function PromptPage({ params }: { params: Promise<{ projectId: string; promptId: string }> }) {
  const { projectId, promptId } = await params;
  const { role } = await projectPageAccess(projectId, `/project/${projectId}/prompts/${promptId}`);
  if (!can(role, "prompts:read")) return <AccessDenied role={role} what="prompts" />;
  return (
    <Suspense fallback={<Skeleton className="h-96 w-full" />}>
      <PromptDetailClient projectId={projectId} promptId={promptId} canEdit={can(role, "prompts:propose")} canRollback={can(role, "prompts:rollback")} canConfigure={can(role, "prompts:configure")} />
    </Suspense>
  );
}
