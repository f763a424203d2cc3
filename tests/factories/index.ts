// Each test builds its own tenants through these; nothing is shared between tests.
import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import type { Role } from "@/lib/auth/permissions";
import { hashPassword } from "@/lib/auth/password";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { db } from "@/lib/db";

export const PASSWORD = "correct horse battery";
let passwordHash: Promise<string> | undefined;

export function uniqueEmail(prefix = "user"): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.test`;
}

export async function createUser(prefix = "user") {
  passwordHash ??= hashPassword(PASSWORD);
  return db.user.create({ data: { email: uniqueEmail(prefix), name: prefix, passwordHash: await passwordHash }, select: { id: true, email: true, name: true } });
}

/** A next-auth session cookie for the user, signed with the test secret. */
export async function sessionCookie(userId: string): Promise<string> {
  const token = await encode({ token: { sub: userId }, secret: process.env.NEXTAUTH_SECRET! });
  return `next-auth.session-token=${token}`;
}

export type Member = { user: { id: string; email: string }; cookie: string };

/** An org with one project and an owner, like a fresh sign-up that created a project. */
export async function createOrgAndProject(name = "acme") {
  const owner = await createUser(`${name}-owner`);
  const org = await db.org.create({ data: { name: `${name} org`, memberships: { create: { userId: owner.id, role: "owner" } } } });
  const project = await db.project.create({ data: { orgId: org.id, name: `${name} project` } });
  return { org, project, owner: { user: owner, cookie: await sessionCookie(owner.id) } as Member };
}

/** Adds a user to the org with a role (and optionally a project override). */
export async function addMember(tenant: { org: { id: string }; project: { id: string } }, role: Role, projectRole?: Role): Promise<Member> {
  const user = await createUser(role);
  await db.membership.create({ data: { orgId: tenant.org.id, userId: user.id, role } });
  if (projectRole) await db.projectMembership.create({ data: { projectId: tenant.project.id, userId: user.id, role: projectRole } });
  return { user, cookie: await sessionCookie(user.id) };
}

export function createKey(project: { id: string; orgId: string }) {
  return createApiKey({ project, note: "test" });
}
