import type { Prisma } from "../generated/prisma/client";

type Tx = Prisma.TransactionClient;

export type AuditEntry = {
  orgId: string;
  projectId?: string | null;
  actorUserId?: string | null;
  actorApiKey?: string | null;
  action: string;
  resourceType: string;
  resourceId: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
};

/** Records who changed what; called inside the transaction that makes the change. */
export async function writeAuditLog(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({ data: entry });
}
