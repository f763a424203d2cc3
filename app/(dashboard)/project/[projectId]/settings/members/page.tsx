import { MembersClient } from "@/components/settings/members-client";
import { canManageMembers } from "@/lib/auth/permissions";
import { projectPageAccess } from "@/lib/auth/project-page-access";

export const metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { role, orgRole, user } = await projectPageAccess(projectId);
  return <MembersClient projectId={projectId} canManage={canManageMembers({ role, orgRole })} currentUserId={user.id} />;
}
