import { db } from "../db";
import { findUsableInvite } from "./find-invite";

/** What an invite link offers (org, role, locked email, expiry), or a 404/410 saying why it is unusable. */
export async function getInviteOffer(options: { token: string }) {
  const invite = await findUsableInvite(db, options.token);
  return { orgName: invite.org.name, role: invite.role, email: invite.email, expiresAt: invite.expiresAt };
}
