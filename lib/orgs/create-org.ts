import type { Prisma } from "../generated/prisma/client";
import { writeAuditLog } from "../audit/write-audit-log";
import { db } from "../db";

/** Creates an org owned by `userId`, inside the caller's transaction. */
export async function createOrgInTx(tx: Prisma.TransactionClient, options: { userId: string; name: string }) {
  const org = await tx.org.create({ data: { name: options.name } });
  await tx.membership.create({ data: { orgId: org.id, userId: options.userId, role: "owner" } });
  await writeAuditLog(tx, {
    orgId: org.id,
    actorUserId: options.userId,
    action: "org.create",
    resourceType: "org",
    resourceId: org.id,
    after: { name: org.name },
  });
  return org;
}

/** Creates an org owned by `userId` in its own transaction. */
export async function createOrg(options: { userId: string; name: string }) {
  return db.$transaction((tx) => createOrgInTx(tx, options));
}
