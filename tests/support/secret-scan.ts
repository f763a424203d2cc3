// Finds secrets in log output: each secret as sent, and in the forms a careless log line would
// print it (base64 and base64url, as in a Basic header; percent-encoded, as in a URL). Also
// collects the secrets a Pharos process holds: those of its data dir and of its environment.
import { hkdfSync } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";

export type Secret = { name: string; value: string };

/** Shorter values are not scanned for: they would match ordinary text. */
export const MIN_SECRET_LENGTH = 8;

export function secretForms(value: string): string[] {
  const b64 = Buffer.from(value).toString("base64");
  return [...new Set([value, b64.replace(/=+$/, ""), Buffer.from(value).toString("base64url"), encodeURIComponent(value), JSON.stringify(value).slice(1, -1)])];
}

/** Every log line holding a secret (or one of its forms), as "<secret name>: <line>". */
export function linesWithSecrets(output: string, secrets: Secret[]): string[] {
  const found: string[] = [];
  const lines = output.split("\n");
  for (const secret of secrets) {
    if (secret.value.length < MIN_SECRET_LENGTH) throw new Error(`secret ${secret.name} is too short to scan for without false hits`);
    const forms = secretForms(secret.value);
    for (const line of lines) if (forms.some((f) => line.includes(f))) found.push(`${secret.name}: ${line.slice(0, 500)}`);
  }
  return found;
}

/** Throws, naming each secret and line, when `output` holds any of `secrets`. */
export function assertNoSecrets(output: string, secrets: Secret[], where: string): void {
  const offending = linesWithSecrets(output, secrets);
  if (offending.length) throw new Error(`secrets in ${where}:\n${offending.join("\n")}`);
}

/** The password of a URL with credentials (postgresql://user:pass@…, smtp://user:pass@…), decoded. */
function urlPassword(value: string): string | null {
  try {
    const password = new URL(value).password;
    return password ? decodeURIComponent(password) : null;
  } catch {
    return null;
  }
}

/**
 * The secrets among a Pharos process's settings: passwords, secret keys, client secrets and
 * tokens (never public keys), and the passwords inside DATABASE_URL and PHAROS_SMTP_URL.
 */
export function envSecrets(env: Record<string, string | undefined>): Secret[] {
  const secrets: Secret[] = [];
  for (const [name, value] of Object.entries(env)) {
    if (!value) continue;
    const password = urlPassword(value);
    if (password && password.length >= MIN_SECRET_LENGTH) secrets.push({ name: `${name} password`, value: password });
    else if (/PASSWORD|SECRET|TOKEN|ENCRYPTION_KEY/.test(name) && !/PUBLIC/.test(name) && value.length >= MIN_SECRET_LENGTH) secrets.push({ name, value });
  }
  return secrets;
}

/**
 * The AES key provider keys are sealed with when PHAROS_ENCRYPTION_KEY is unset: HKDF of
 * NEXTAUTH_SECRET (lib/embeddings/secret-box.ts), in the text forms a log line could print.
 */
export function derivedEncryptionKey(nextauthSecret: string): Secret[] {
  const key = Buffer.from(hkdfSync("sha256", nextauthSecret, "pharos", "provider-api-keys/v1", 32));
  return [
    { name: "derived encryption key (hex)", value: key.toString("hex") },
    { name: "derived encryption key (base64)", value: key.toString("base64") },
  ];
}

/**
 * The secrets `npm start` generated into a data dir: NEXTAUTH_SECRET (secrets.json), the
 * encryption key derived from the NEXTAUTH_SECRET in effect (`env`'s, else the generated one)
 * unless `env` sets PHAROS_ENCRYPTION_KEY, the embedded Postgres
 * superuser password (pg-password), and the demo's password and secret key (credentials).
 * Files that do not exist (yet, or with an external DATABASE_URL) give nothing.
 */
export async function dataDirSecrets(dataDir: string, env: Record<string, string | undefined> = {}): Promise<Secret[]> {
  const read = (file: string) => readFile(path.join(dataDir, file), "utf8").catch(() => null);
  const secrets: Secret[] = [];
  const stored = await read("secrets.json");
  const generated = stored ? (JSON.parse(stored) as { nextauthSecret?: string }).nextauthSecret : undefined;
  if (generated) secrets.push({ name: "NEXTAUTH_SECRET (secrets.json)", value: generated });
  // npm start prefers a NEXTAUTH_SECRET from the environment to the generated one.
  const nextauthSecret = env.NEXTAUTH_SECRET || generated;
  if (nextauthSecret && !env.PHAROS_ENCRYPTION_KEY) secrets.push(...derivedEncryptionKey(nextauthSecret));
  const pgPassword = (await read("pg-password"))?.trim();
  if (pgPassword) secrets.push({ name: "Postgres password (pg-password)", value: pgPassword });
  const credentials = await read("credentials");
  if (credentials) {
    for (const [name, value] of Object.entries(parseCredentials(credentials))) {
      if (/password|secret/i.test(name) && value.length >= MIN_SECRET_LENGTH) secrets.push({ name: `demo ${name}`, value });
    }
  }
  return secrets;
}

/** The key=value lines of a data dir's credentials file. */
export function parseCredentials(text: string): Record<string, string> {
  return Object.fromEntries(
    text
      .split("\n")
      .filter((l) => l.includes("=") && !l.startsWith("#"))
      .map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]),
  );
}
