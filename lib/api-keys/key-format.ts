import { createHash, randomBytes } from "node:crypto";

export const PUBLIC_KEY_PATTERN = /^pk-[A-Za-z0-9_-]{8,100}$/;
export const SECRET_KEY_PATTERN = /^sk-[A-Za-z0-9_-]{16,200}$/;

export function generateKeyPair(): { publicKey: string; secretKey: string } {
  return {
    publicKey: `pk-ph-${randomBytes(12).toString("hex")}`,
    secretKey: `sk-ph-${randomBytes(24).toString("base64url")}`,
  };
}

/** Secret keys are 192-bit random tokens, so a fast hash is enough to make a leak useless. */
export function hashSecret(secretKey: string): string {
  return createHash("sha256").update(secretKey).digest("hex");
}

/** What the UI shows of a secret after creation: enough to recognise it, not to use it. */
export function displaySecret(secretKey: string): string {
  return `${secretKey.slice(0, 6)}…${secretKey.slice(-4)}`;
}
