import { describe, expect, it } from "vitest";
import { displaySecret, generateKeyPair, hashSecret, PUBLIC_KEY_PATTERN, SECRET_KEY_PATTERN } from "./key-format";

describe("API key format", () => {
  it("generates distinct keys that match the accepted patterns", () => {
    const a = generateKeyPair();
    const b = generateKeyPair();
    expect(a.publicKey).toMatch(PUBLIC_KEY_PATTERN);
    expect(a.secretKey).toMatch(SECRET_KEY_PATTERN);
    expect(a.secretKey).not.toBe(b.secretKey);
  });

  it("hashes deterministically and never shows the whole secret", () => {
    const { secretKey } = generateKeyPair();
    expect(hashSecret(secretKey)).toBe(hashSecret(secretKey));
    expect(hashSecret(secretKey)).not.toContain(secretKey);
    expect(displaySecret(secretKey)).toMatch(/^sk-ph-…/);
    expect(displaySecret(secretKey).length).toBeLessThan(16);
  });
});
