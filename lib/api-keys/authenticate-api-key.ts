import { timingSafeEqual } from "node:crypto";
import { db } from "../db";
import { AppError } from "../errors";
import { hashSecret } from "./key-format";

export type ApiKeyAuth = { projectId: string; apiKeyId: string; publicKey: string; scope: "secret" | "public" };

type CacheEntry = { auth: ApiKeyAuth; expiresAt: number };

// Ingest authenticates every request: remember recent answers briefly. Revocation in this
// process clears entries at once; other processes see it within CACHE_TTL_MS.
const CACHE_TTL_MS = 30_000;
const CACHE_MAX = 10_000;
const TOUCH_EVERY_MS = 60_000;
const cache = new Map<string, CacheEntry>();
const lastTouched = new Map<string, number>();

export function forgetApiKey(apiKeyId: string) {
  for (const [credential, entry] of cache) if (entry.auth.apiKeyId === apiKeyId) cache.delete(credential);
}

const unauthorized = (message: string) =>
  new AppError("UNAUTHORIZED", message, undefined, { "WWW-Authenticate": 'Bearer realm="pharos", Basic realm="pharos"' });

function parseAuthorization(header: string | null): { publicKey?: string; secretKey?: string } {
  if (!header) throw unauthorized("Missing Authorization header: use 'Bearer sk-…' or Basic auth with pk-…:sk-…");
  const [scheme, value = ""] = header.trim().split(/\s+/, 2);
  if (scheme?.toLowerCase() === "bearer") {
    if (value.startsWith("sk-")) return { secretKey: value };
    if (value.startsWith("pk-")) return { publicKey: value };
    throw unauthorized("Bearer token is not a Pharos key (expected sk-… or pk-…)");
  }
  if (scheme?.toLowerCase() === "basic") {
    const decoded = Buffer.from(value, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon < 0) throw unauthorized("Basic credentials must be pk-…:sk-…");
    const publicKey = decoded.slice(0, colon);
    const secretKey = decoded.slice(colon + 1);
    return { publicKey, secretKey: secretKey || undefined };
  }
  throw unauthorized(`Unsupported authorization scheme '${scheme}'`);
}

async function lookup(publicKey: string | undefined, secretKey: string | undefined): Promise<ApiKeyAuth> {
  const select = { id: true, projectId: true, publicKey: true, hashedSecret: true, revokedAt: true } as const;
  const row = secretKey && !publicKey
    ? await db.apiKey.findUnique({ where: { hashedSecret: hashSecret(secretKey) }, select })
    : await db.apiKey.findUnique({ where: { publicKey: publicKey ?? "" }, select });
  if (!row || row.revokedAt) throw unauthorized("Invalid or revoked API key");
  if (secretKey) {
    const expected = Buffer.from(row.hashedSecret, "hex");
    const actual = Buffer.from(hashSecret(secretKey), "hex");
    if (!timingSafeEqual(expected, actual)) throw unauthorized("Invalid or revoked API key");
  }
  return { projectId: row.projectId, apiKeyId: row.id, publicKey: row.publicKey, scope: secretKey ? "secret" : "public" };
}

function touch(auth: ApiKeyAuth) {
  const now = Date.now();
  if ((lastTouched.get(auth.apiKeyId) ?? 0) > now - TOUCH_EVERY_MS) return;
  lastTouched.set(auth.apiKeyId, now);
  db.apiKey
    .update({ where: { projectId_id: { projectId: auth.projectId, id: auth.apiKeyId } }, data: { lastUsedAt: new Date(now) } })
    .catch((error: unknown) => console.error("[pharos] could not record API key use", (error as Error).message));
}

/**
 * Authenticates `Authorization: Bearer sk-…` (secret scope), `Bearer pk-…` (public scope:
 * browser-safe, feedback only) or `Basic base64(pk-…:sk-…)`.
 */
export async function authenticateApiKey(authorization: string | null): Promise<ApiKeyAuth> {
  const { publicKey, secretKey } = parseAuthorization(authorization);
  const credential = hashSecret(`${publicKey ?? ""}:${secretKey ?? ""}`);
  const cached = cache.get(credential);
  let auth: ApiKeyAuth;
  if (cached && cached.expiresAt > Date.now()) {
    auth = cached.auth;
  } else {
    auth = await lookup(publicKey, secretKey);
    if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
    cache.set(credential, { auth, expiresAt: Date.now() + CACHE_TTL_MS });
  }
  touch(auth);
  return auth;
}
