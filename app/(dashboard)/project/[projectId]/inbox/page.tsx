import { Suspense } from "react";
import { InboxClient } from "@/components/inbox/inbox-client";
import { Skeleton } from "@/components/ui/card";
import { AccessDenied } from "@/components/settings/access-denied";
import { can } from "@/lib/auth/permissions";
import { projectPageAccess } from "@/lib/auth/project-page-access";

export const metadata = { title: "Inbox" };

export default async function InboxPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { role, user } = await projectPageAccess(projectId, `/project/${projectId}/inbox`);
  if (!can(role, "traces:read")) return <AccessDenied role={role} what="the failure inbox" />;
  return (
    <Suspense fallback={<Skeleton className="h-96 w-full" />}>
      <InboxClient projectId={projectId} me={{ id: user.id, name: user.name, email: user.email }} role={role} canUpdate={can(role, "triage:update")} />
    </Suspense>
  );
}
