import type { Prisma } from "../generated/prisma/client";
import { db } from "../db";
import { writeAuditLog } from "../audit/write-audit-log";
import { displaySecret, generateKeyPair, hashSecret } from "./key-format";

type CreateOptions = {
  project: { id: string; orgId: string };
  note?: string;
  actorUserId?: string | null;
  /** Fixed keys for headless initialization; generated when absent. */
  keys?: { publicKey: string; secretKey: string };
};

/** Creates a key pair; the secret is returned once here and stored only as a hash. */
export async function createApiKeyInTx(tx: Prisma.TransactionClient, options: CreateOptions) {
  const { publicKey, secretKey } = options.keys ?? generateKeyPair();
  const key = await tx.apiKey.create({
    data: {
      projectId: options.project.id,
      publicKey,
      hashedSecret: hashSecret(secretKey),
      displaySecret: displaySecret(secretKey),
      note: options.note || null,
      createdById: options.actorUserId ?? null,
    },
  });
  await writeAuditLog(tx, {
    orgId: options.project.orgId,
    projectId: options.project.id,
    actorUserId: options.actorUserId,
    action: "api_key.create",
    resourceType: "api_key",
    resourceId: key.id,
    after: { publicKey, note: key.note },
  });
  return { id: key.id, publicKey, secretKey, displaySecret: key.displaySecret, note: key.note, createdAt: key.createdAt };
}

export function createApiKey(options: CreateOptions) {
  return db.$transaction((tx) => createApiKeyInTx(tx, options));
}
