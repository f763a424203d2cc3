import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "../db";
import { readSessionUserId } from "./session";
import type { SessionUser } from "./with-user";

/** The signed-in user in a server component, or null. */
export async function currentUser(): Promise<SessionUser | null> {
  const jar = await cookies();
  const header = jar.getAll().map((c) => `${c.name}=${encodeURIComponent(c.value)}`).join("; ");
  const userId = await readSessionUserId(new Request("http://pharos.local/", { headers: { cookie: header } }));
  if (!userId) return null;
  return db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true } });
}

export async function requireCurrentUser(returnTo?: string): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(returnTo ? `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` : "/sign-in");
  return user;
}
