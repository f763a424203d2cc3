import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

type Secrets = { nextauthSecret: string };

/** Secrets generated on first start and kept (0600) in the data dir, so sessions survive restarts. */
export async function loadOrCreateSecrets(dir: string): Promise<Secrets> {
  const file = path.join(dir, "secrets.json");
  if (existsSync(file)) return JSON.parse(await readFile(file, "utf8")) as Secrets;
  const secrets: Secrets = { nextauthSecret: randomBytes(32).toString("base64url") };
  await writeFile(file, JSON.stringify(secrets, null, 2) + "\n", { mode: 0o600 });
  await chmod(file, 0o600);
  return secrets;
}
