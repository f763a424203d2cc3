import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { DUMMY_PASSWORD_HASH, PASSWORD_HASH_COST, verifyPassword } from "./password";

describe("password hashing", () => {
  it("checks unknown accounts against a dummy hash of the same cost, and refuses them", async () => {
    expect(bcrypt.getRounds(DUMMY_PASSWORD_HASH)).toBe(PASSWORD_HASH_COST);
    expect(await verifyPassword("anything", null)).toBe(false);
    expect(await verifyPassword("", undefined)).toBe(false);
  });
});
