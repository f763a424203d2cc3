import { db } from "../db";
import { env, type ServerEnv } from "../env";
import { AppError } from "../errors";
import { hashPassword } from "../auth/password";
import { createApiKeyInTx } from "../api-keys/create-api-key";
import { hashSecret, PUBLIC_KEY_PATTERN, SECRET_KEY_PATTERN } from "../api-keys/key-format";
import { createOrgInTx } from "../orgs/create-org";

export type HeadlessInit = {
  orgName: string;
  projectName: string;
  userEmail: string;
  userPassword: string;
  publicKey?: string;
  secretKey?: string;
};

/** Reads PHAROS_INIT_*; null when headless initialization is not requested. */
export function headlessInitFromEnv(e: Partial<ServerEnv> = env()): HeadlessInit | null {
  const vars = {
    orgName: e.PHAROS_INIT_ORG_NAME,
    projectName: e.PHAROS_INIT_PROJECT_NAME,
    userEmail: e.PHAROS_INIT_USER_EMAIL?.trim().toLowerCase(),
    userPassword: e.PHAROS_INIT_USER_PASSWORD,
  };
  const keys = { publicKey: e.PHAROS_INIT_PROJECT_PUBLIC_KEY, secretKey: e.PHAROS_INIT_PROJECT_SECRET_KEY };
  const given = Object.values({ ...vars, ...keys }).filter(Boolean).length;
  if (given === 0) return null;
  const missing = Object.entries(vars).filter(([, v]) => !v).map(([k]) => k);
  if (missing.length) throw new AppError("INVALID", `Headless initialization needs every PHAROS_INIT_* value; missing: ${missing.join(", ")}`);
  if (Boolean(keys.publicKey) !== Boolean(keys.secretKey)) throw new AppError("INVALID", "Set both PHAROS_INIT_PROJECT_PUBLIC_KEY and PHAROS_INIT_PROJECT_SECRET_KEY, or neither");
  if (keys.publicKey && !PUBLIC_KEY_PATTERN.test(keys.publicKey)) throw new AppError("INVALID", "PHAROS_INIT_PROJECT_PUBLIC_KEY must look like pk-… (8+ letters, digits, - or _)");
  if (keys.secretKey && !SECRET_KEY_PATTERN.test(keys.secretKey)) throw new AppError("INVALID", "PHAROS_INIT_PROJECT_SECRET_KEY must look like sk-… (16+ letters, digits, - or _)");
  if (vars.userPassword!.length < 8) throw new AppError("INVALID", "PHAROS_INIT_USER_PASSWORD must be at least 8 characters");
  return { ...(vars as { [K in keyof typeof vars]: string }), ...keys };
}

/**
 * Creates the configured org, project, owner and API key if they do not exist yet.
 * Running it again changes nothing (existing rows are found by email / name / public key).
 */
export async function runHeadlessInit(init: HeadlessInit): Promise<{ created: string[]; projectId: string }> {
  const passwordHash = await hashPassword(init.userPassword);
  return db.$transaction(async (tx) => {
    const created: string[] = [];
    // The operator chose this address in the server's configuration: it counts as verified.
    let user = await tx.user.findUnique({ where: { email: init.userEmail }, select: { id: true } });
    if (!user) {
      user = await tx.user.create({ data: { email: init.userEmail, passwordHash, emailVerifiedAt: new Date() }, select: { id: true } });
      created.push(`user ${init.userEmail}`);
    } else {
      await tx.user.updateMany({ where: { id: user.id, emailVerifiedAt: null }, data: { emailVerifiedAt: new Date() } });
    }
    let org = await tx.org.findFirst({ where: { name: init.orgName, memberships: { some: { userId: user.id, role: "owner" } } } });
    if (!org) {
      org = await createOrgInTx(tx, { userId: user.id, name: init.orgName });
      created.push(`org ${init.orgName}`);
    }
    let project = await tx.project.findFirst({ where: { orgId: org.id, name: init.projectName } });
    if (!project) {
      project = await tx.project.create({ data: { orgId: org.id, name: init.projectName } });
      created.push(`project ${init.projectName}`);
    }
    if (init.publicKey && init.secretKey) {
      const existing = await tx.apiKey.findUnique({ where: { publicKey: init.publicKey }, select: { projectId: true, hashedSecret: true } });
      if (existing && (existing.projectId !== project.id || existing.hashedSecret !== hashSecret(init.secretKey))) {
        throw new AppError("CONFLICT", "PHAROS_INIT_PROJECT_PUBLIC_KEY already exists with another project or secret");
      }
      if (!existing) {
        await createApiKeyInTx(tx, { project, note: "headless initialization", keys: { publicKey: init.publicKey, secretKey: init.secretKey } });
        created.push(`API key ${init.publicKey}`);
      }
    }
    return { created, projectId: project.id };
  });
}
