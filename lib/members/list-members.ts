import { db } from "../db";
import { effectiveRole } from "../auth/permissions";

/** Org members as seen from one project: org role, project override, effective role. */
export async function listMembers(project: { id: string; orgId: string }) {
  const memberships = await db.membership.findMany({
    where: { orgId: project.orgId },
    orderBy: { createdAt: "asc" },
    select: {
      role: true,
      createdAt: true,
      user: {
        select: { id: true, email: true, name: true, projectMemberships: { where: { projectId: project.id }, select: { role: true } } },
      },
    },
  });
  return memberships.map(({ role, createdAt, user }) => {
    const projectRole = user.projectMemberships[0]?.role ?? null;
    return { userId: user.id, email: user.email, name: user.name, orgRole: role, projectRole, role: effectiveRole(role, projectRole), joinedAt: createdAt };
  });
}
