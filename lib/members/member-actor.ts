import { AppError } from "../errors";
import { canManageMembers, type Role } from "../auth/permissions";
import type { LockedMemberships } from "./lock-memberships";

/** Who acts on the members page: their role in this project (override or org role) and in the org. */
export type MemberActor = { userId: string; role: Role; orgRole: Role };

/**
 * The actor's roles were read when the request was authorized, before the membership lock. Under
 * the lock they are checked again: a member demoted or removed a moment ago by a concurrent
 * request must not act with the authority it has just lost.
 */
export function requireCurrentManager(actor: MemberActor, locked: LockedMemberships) {
  const current = locked.roleOf(actor.userId);
  if (current !== actor.orgRole) {
    throw new AppError("CONFLICT", `Your role in this organization changed meanwhile (now ${current ?? "none"}); reload and try again`);
  }
  requireMemberManager(actor);
}

/** Member and invite management needs owner/admin in the org as well as in the project (canManageMembers). */
export function requireMemberManager(actor: { role: Role; orgRole: Role }) {
  if (!canManageMembers(actor)) {
    throw new AppError("FORBIDDEN", `Managing members and invites takes an org owner or admin; your org role is ${actor.orgRole} (a project role does not reach the organization)`);
  }
}
