import type { z } from "zod";
import { db } from "../db";
import { AppError, toResponse } from "../errors";
import { type InputSchemas, type Parsed, readInput } from "../http";
import type { RouteContext } from "./route-context";
import { readSessionUserId } from "./session";

export type SessionUser = { id: string; email: string; name: string | null };

export async function requireUser(req: Request): Promise<SessionUser> {
  const userId = await readSessionUserId(req);
  const user = userId ? await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true } }) : null;
  if (!user) throw new AppError("UNAUTHORIZED", "Sign in to continue");
  return user;
}

/** A route for any signed-in user, not tied to one org or project. */
export function withUser<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  schemas: InputSchemas<B, Q>,
  handler: (ctx: { req: Request; user: SessionUser; body: Parsed<B>; query: Parsed<Q>; params: Record<string, unknown> }) => Promise<Response>,
) {
  return async (req: Request, ctx: RouteContext): Promise<Response> => {
    try {
      const user = await requireUser(req);
      const input = await readInput(req, schemas);
      return await handler({ req, user, ...input, params: await ctx.params });
    } catch (error) {
      return toResponse(error);
    }
  };
}
