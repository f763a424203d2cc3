import { randomBytes } from "node:crypto";
import { db } from "../db";
import { hashPassword } from "../auth/password";
import { createApiKeyInTx } from "../api-keys/create-api-key";
import { createOrgInTx } from "../orgs/create-org";

export const DEMO_EMAIL = "demo@pharos.local";

/**
 * On an empty database, creates the demo org, project and owner with a generated
 * password. Returns the credentials only when it created them.
 */
export async function ensureDemo(): Promise<null | { email: string; password: string; projectId: string; publicKey: string; secretKey: string }> {
  if ((await db.user.count()) > 0) return null;
  const password = randomBytes(12).toString("base64url");
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { email: DEMO_EMAIL, name: "Demo Owner", passwordHash, emailVerifiedAt: new Date() }, select: { id: true } });
    const org = await createOrgInTx(tx, { userId: user.id, name: "Demo org" });
    const project = await tx.project.create({ data: { orgId: org.id, name: "Demo project" } });
    const key = await createApiKeyInTx(tx, { project, note: "demo key", actorUserId: user.id });
    return { email: DEMO_EMAIL, password, projectId: project.id, publicKey: key.publicKey, secretKey: key.secretKey };
  });
}
