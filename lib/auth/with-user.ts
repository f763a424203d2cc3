import type { z } from "zod";
import { db } from "../db";
import { AppError, toResponse } from "../errors";
import { type InputSchemas, type Parsed, readInput, type RouteContext } from "../http";
import { assertSameOrigin } from "./same-origin";
import { readSessionUserId } from "./session";

export type SessionUser = { id: string; email: string; name: string | null };

/** The signed-in user of a cookie-authenticated request; a state-changing one must come from this server's pages (same-origin.ts). */
export async function requireUser(req: Request): Promise<SessionUser> {
  assertSameOrigin(req);
  const userId = await readSessionUserId(req);
  const user = userId ? await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true } }) : null;
  if (!user) throw new AppError("UNAUTHORIZED", "Sign in to continue");
  return user;
}

/** A route for any signed-in user, not tied to one org or project. */
export function withUser<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined, P extends z.ZodType | undefined = undefined>(
  schemas: InputSchemas<B, Q, P>,
  handler: (ctx: { req: Request; user: SessionUser; body: Parsed<B>; query: Parsed<Q>; params: Parsed<P> }) => Promise<Response>,
) {
  return async (req: Request, ctx: RouteContext): Promise<Response> => {
    try {
      const user = await requireUser(req);
      const input = await readInput(req, ctx, schemas, { jsonOnly: true });
      return await handler({ req, user, ...input });
    } catch (error) {
      return toResponse(error);
    }
  };
}
