// POST /api/invites/[token]/accept – the signed-in user joins the inviting org
import { withUser } from "@/lib/auth/with-user";
import { json } from "@/lib/http";
import { acceptInvite } from "@/lib/invites/accept-invite";
import { routeParams } from "@/lib/schemas/route-params";

export const POST = withUser({ params: routeParams("token") }, async ({ user, params }) => json(await acceptInvite({ token: params.token, user })));
