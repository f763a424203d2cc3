import { db } from "../db";
import { AppError } from "../errors";
import { writeAuditLog } from "../audit/write-audit-log";
import { forgetApiKey } from "./authenticate-api-key";

export async function revokeApiKey(options: { project: { id: string; orgId: string }; apiKeyId: string; actorUserId: string }) {
  const { project, apiKeyId } = options;
  const revoked = await db.$transaction(async (tx) => {
    const key = await tx.apiKey.findUnique({ where: { projectId_id: { projectId: project.id, id: apiKeyId } } });
    if (!key) throw new AppError("NOT_FOUND", "API key not found");
    if (key.revokedAt) return key;
    const updated = await tx.apiKey.update({
      where: { projectId_id: { projectId: project.id, id: apiKeyId } },
      data: { revokedAt: new Date() },
    });
    await writeAuditLog(tx, {
      orgId: project.orgId,
      projectId: project.id,
      actorUserId: options.actorUserId,
      action: "api_key.revoke",
      resourceType: "api_key",
      resourceId: apiKeyId,
      before: { publicKey: key.publicKey },
    });
    return updated;
  });
  forgetApiKey(apiKeyId);
  return { id: revoked.id, publicKey: revoked.publicKey, revokedAt: revoked.revokedAt };
}
