import { db } from "../db";
import { effectiveRole, type Role } from "../auth/permissions";

export type OrgWithProjects = {
  id: string;
  name: string;
  role: Role;
  projects: { id: string; name: string; role: Role }[];
};

/** Every org the user belongs to, with the projects in it and the user's role in each. */
export async function listOrgsForUser(options: { userId: string }): Promise<OrgWithProjects[]> {
  const { userId } = options;
  const memberships = await db.membership.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: {
      role: true,
      org: {
        select: {
          id: true,
          name: true,
          projects: {
            orderBy: { createdAt: "asc" },
            select: { id: true, name: true, projectMemberships: { where: { userId }, select: { role: true } } },
          },
        },
      },
    },
  });
  return memberships.map(({ role, org }) => ({
    id: org.id,
    name: org.name,
    role,
    projects: org.projects.map((p) => ({ id: p.id, name: p.name, role: effectiveRole(role, p.projectMemberships[0]?.role) })),
  }));
}
