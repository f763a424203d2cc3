// GET /api/invites/[token] – what an invite link offers (org, role, expiry), or why it is unusable
import { type RouteContext, routeParam } from "@/lib/auth/route-context";
import { db } from "@/lib/db";
import { toResponse } from "@/lib/errors";
import { json } from "@/lib/http";
import { findUsableInvite } from "@/lib/invites/find-invite";

export async function GET(_req: Request, ctx: RouteContext) {
  try {
    const invite = await findUsableInvite(db, await routeParam(ctx, "token"));
    return json({ orgName: invite.org.name, role: invite.role, email: invite.email, expiresAt: invite.expiresAt });
  } catch (error) {
    return toResponse(error);
  }
}
