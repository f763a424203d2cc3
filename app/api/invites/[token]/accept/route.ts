// POST /api/invites/[token]/accept – the signed-in user joins the inviting org
import { withUser } from "@/lib/auth/with-user";
import { json } from "@/lib/http";
import { acceptInvite } from "@/lib/invites/accept-invite";

export const POST = withUser({}, async ({ user, params }) => json(await acceptInvite({ token: String(params.token), user })));
