import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "../env";

/**
 * AES-256-GCM for provider API keys at rest. The key is PHAROS_ENCRYPTION_KEY when set, else
 * derived (HKDF-SHA256) from NEXTAUTH_SECRET — which `npm start` generates into the data
 * dir's secrets.json — so no extra secret has to be managed. Rotating that secret makes
 * stored provider keys unreadable (they must be entered again); the error says so.
 * Format: "v1:" + base64url(iv[12] | tag[16] | ciphertext).
 */
function key(): Buffer {
  const secret = env().PHAROS_ENCRYPTION_KEY || env().NEXTAUTH_SECRET;
  if (!secret) throw new Error("PHAROS_ENCRYPTION_KEY or NEXTAUTH_SECRET must be set to store provider API keys");
  return Buffer.from(hkdfSync("sha256", secret, "pharos", "provider-api-keys/v1", 32));
}

export function encryptSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return "v1:" + Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}

export function decryptSecret(sealed: string): string {
  if (!sealed.startsWith("v1:")) throw new Error("unknown secret format");
  const raw = Buffer.from(sealed.slice(3), "base64url");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    throw new Error("the stored provider API key cannot be decrypted (was the encryption secret changed?); enter it again in the drift settings");
  }
}
