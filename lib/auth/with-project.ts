import type { z } from "zod";
import { db } from "../db";
import { AppError, toResponse } from "../errors";
import { type InputSchemas, type Parsed, readInput, type RouteContext, segment } from "../http";
import { timed } from "../observability/metrics";
import { type Action, can, effectiveRole, type Role } from "./permissions";
import { requireUser, type SessionUser } from "./with-user";

export type ProjectAccess = { project: { id: string; orgId: string; name: string }; role: Role; orgRole: Role };

/**
 * Resolves the project a user may see. Anything the user is not a member of is
 * "not found", so ids of other tenants' projects reveal nothing.
 */
export async function resolveProjectAccess(userId: string, projectId: string): Promise<ProjectAccess> {
  const project = projectId
    ? await db.project.findUnique({
        where: { id: projectId },
        select: {
          id: true,
          orgId: true,
          name: true,
          org: { select: { memberships: { where: { userId }, select: { role: true } } } },
          projectMemberships: { where: { userId }, select: { role: true } },
        },
      })
    : null;
  const membership = project?.org.memberships[0];
  if (!project || !membership) throw new AppError("NOT_FOUND", "Project not found");
  const role = effectiveRole(membership.role, project.projectMemberships[0]?.role);
  return { project: { id: project.id, orgId: project.orgId, name: project.name }, role, orgRole: membership.role };
}

export function requirePermission(role: Role, action: Action) {
  if (!can(role, action)) throw new AppError("FORBIDDEN", `Your role (${role}) cannot ${action.replace(":", " ")}`);
}

type Schema = z.ZodType | undefined;
type Options<B extends Schema, Q extends Schema, P extends Schema> = InputSchemas<B, Q, P> & { action: Action };

export type ProjectHandlerContext<B, Q, P> = ProjectAccess & { req: Request; user: SessionUser; body: B; query: Q; params: P };

/**
 * Route wrapper for /api/projects/[projectId]/…: session → project membership → role
 * permission → validated body/query → handler; every error becomes `{ error: {…} }`.
 */
export function withProject<B extends Schema = undefined, Q extends Schema = undefined, P extends Schema = undefined>(
  options: Options<B, Q, P>,
  handler: (ctx: ProjectHandlerContext<Parsed<B>, Parsed<Q>, Parsed<P>>) => Promise<Response>,
) {
  return timed(async (req: Request, ctx: RouteContext): Promise<Response> => {
    try {
      const user = await requireUser(req);
      const access = await resolveProjectAccess(user.id, await segment(ctx, "projectId"));
      requirePermission(access.role, options.action);
      const input = await readInput(req, ctx, options, { jsonOnly: true });
      return await handler({ ...access, req, user, ...input });
    } catch (error) {
      return toResponse(error);
    }
  });
}
