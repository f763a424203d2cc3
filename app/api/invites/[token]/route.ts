// GET /api/invites/[token] – what an invite link offers (org, role, expiry), or why it is unusable
import { toResponse } from "@/lib/errors";
import { json, readInput, type RouteContext } from "@/lib/http";
import { getInviteOffer } from "@/lib/invites/get-invite-offer";
import { routeParams } from "@/lib/schemas/route-params";

export async function GET(req: Request, ctx: RouteContext) {
  try {
    const { params } = await readInput(req, ctx, { params: routeParams("token") });
    return json(await getInviteOffer({ token: params.token }));
  } catch (error) {
    return toResponse(error);
  }
}
