import { db } from "../db";
import { verifyPassword } from "./password";

/**
 * The user behind an email and password, or null. Unknown emails and accounts without a password
 * run the same bcrypt comparison (against a dummy hash) as a wrong password does, so neither the
 * answer nor its timing tells whether an account exists.
 */
export async function verifyCredentials(options: { email: string; password: string }) {
  const user = await db.user.findUnique({
    where: { email: options.email },
    select: { id: true, email: true, name: true, passwordHash: true, emailVerifiedAt: true },
  });
  const matches = await verifyPassword(options.password, user?.passwordHash);
  if (!user || !matches) return null;
  return { id: user.id, email: user.email, name: user.name, emailVerifiedAt: user.emailVerifiedAt };
}
