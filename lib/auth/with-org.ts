import type { z } from "zod";
import { db } from "../db";
import { AppError, toResponse } from "../errors";
import { type InputSchemas, type Parsed, readInput, type RouteContext, segment } from "../http";
import { type Action, type Role } from "./permissions";
import { requirePermission } from "./with-project";
import { requireUser, type SessionUser } from "./with-user";


export async function resolveOrgAccess(userId: string, orgId: string): Promise<{ org: { id: string; name: string }; role: Role }> {
  const membership = orgId
    ? await db.membership.findUnique({
        where: { orgId_userId: { orgId, userId } },
        select: { role: true, org: { select: { id: true, name: true } } },
      })
    : null;
  if (!membership) throw new AppError("NOT_FOUND", "Organization not found");
  return { org: membership.org, role: membership.role };
}

/** Route wrapper for /api/orgs/[orgId]/…, checking the member's org role. */
export function withOrg<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  options: InputSchemas<B, Q> & { action: Action },
  handler: (ctx: { req: Request; user: SessionUser; org: { id: string; name: string }; role: Role; body: Parsed<B>; query: Parsed<Q> }) => Promise<Response>,
) {
  return async (req: Request, ctx: RouteContext): Promise<Response> => {
    try {
      const user = await requireUser(req);
      const access = await resolveOrgAccess(user.id, await segment(ctx, "orgId"));
      requirePermission(access.role, options.action);
      const input = await readInput(req, ctx, options, { jsonOnly: true });
      return await handler({ req, user, ...access, ...input });
    } catch (error) {
      return toResponse(error);
    }
  };
}
