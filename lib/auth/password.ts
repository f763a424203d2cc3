// bcryptjs: pure JavaScript bcrypt, so installs never need a native build toolchain.
import bcrypt from "bcryptjs";

export const PASSWORD_HASH_COST = 11;

/**
 * A bcrypt hash of a random string nobody knows, at the same cost as real hashes: sign-ins for an
 * unknown email (or an account without a password) are checked against it, so they take as long
 * as a wrong password for a real account (password.test.ts keeps its cost in step with COST).
 */
export const DUMMY_PASSWORD_HASH = "$2b$11$nGhfQnUYFFztBQFJzDiX7.geXWy0OteICXSzUW9jaIy6z9VJ3HsSS";

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, PASSWORD_HASH_COST);
}

/** Always runs bcrypt: a missing hash is compared against DUMMY_PASSWORD_HASH and then refused. */
export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  const matches = await bcrypt.compare(password, hash || DUMMY_PASSWORD_HASH);
  return matches && Boolean(hash);
}
