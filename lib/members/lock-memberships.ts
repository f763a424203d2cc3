import type { Prisma } from "../generated/prisma/client";
import type { Role } from "../auth/permissions";

export type LockedMemberships = {
  /** User ids of the org's owners as committed now; no transaction can change them until this one ends. */
  owners: string[];
  roleOf: (userId: string) => Role | undefined;
};

/**
 * Locks (SELECT … FOR UPDATE) the org's owner memberships and the given members' rows until
 * the transaction ends, and returns them as committed now.
 *
 * Every change that can lower the owner count (demote, remove) takes this lock first, so two
 * owners acting on each other run one after the other: the second sees the first's result and
 * the last-owner check holds. A row lock rather than SERIALIZABLE: the loser gets a clear 409
 * instead of a serialization failure to retry, and nothing else in the transaction pays for
 * predicate locks. Rows are locked in user-id order, so two such transactions never deadlock.
 * Locking the actor's row too means an actor demoted a moment ago acts with its new role.
 */
export async function lockMemberships(tx: Prisma.TransactionClient, options: { orgId: string; userIds: string[] }): Promise<LockedMemberships> {
  const rows = await tx.$queryRaw<{ user_id: string; role: Role }[]>`
    select user_id, role::text as role from memberships
    where org_id = ${options.orgId} and (role = 'owner' or user_id = any(${options.userIds}::text[]))
    order by user_id
    for update`;
  const roles = new Map(rows.map((r) => [r.user_id, r.role]));
  return { owners: rows.filter((r) => r.role === "owner").map((r) => r.user_id), roleOf: (userId) => roles.get(userId) };
}
