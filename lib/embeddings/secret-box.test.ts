import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret } from "./secret-box";

describe("provider API key encryption", () => {
  const saved = { ...process.env };
  beforeEach(() => {
    delete process.env.PHAROS_ENCRYPTION_KEY;
    process.env.NEXTAUTH_SECRET = "test-secret-of-sufficient-length";
  });
  afterEach(() => {
    process.env = { ...saved };
  });

  it("round-trips, never contains the plain key, and uses a fresh IV each time", () => {
    const a = encryptSecret("sk-live-123");
    const b = encryptSecret("sk-live-123");
    expect(a).not.toContain("sk-live");
    expect(a).not.toBe(b);
    expect(decryptSecret(a)).toBe("sk-live-123");
  });

  it("fails clearly when the secret changed or the ciphertext was tampered with", () => {
    const sealed = encryptSecret("sk-live-123");
    const tampered = sealed.slice(0, -2) + (sealed.endsWith("A") ? "BB" : "AA");
    expect(() => decryptSecret(tampered)).toThrow(/cannot be decrypted/);
    process.env.PHAROS_ENCRYPTION_KEY = "another key";
    expect(() => decryptSecret(sealed)).toThrow(/enter it again/);
  });
});
