import { db } from "../db";

export async function listApiKeys(options: { projectId: string }) {
  return db.apiKey.findMany({
    where: { projectId: options.projectId },
    orderBy: { createdAt: "desc" },
    select: { id: true, publicKey: true, displaySecret: true, note: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}
