import type { z } from "zod";
import { type ApiKeyAuth, authenticateApiKey } from "../api-keys/authenticate-api-key";
import { AppError, toResponse } from "../errors";
import { type InputSchemas, type Parsed, readInput, type RouteContext } from "../http";
import { timed } from "../observability/metrics";


/**
 * Route wrapper for /api/public/…: authenticates a project API key. Routes that accept
 * the browser-safe public key say so with `scope: "public"`.
 */
export function withApiKey<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined, P extends z.ZodType | undefined = undefined>(
  options: InputSchemas<B, Q, P> & { scope: "secret" | "public" },
  handler: (ctx: { req: Request; key: ApiKeyAuth; body: Parsed<B>; query: Parsed<Q>; params: Parsed<P> }) => Promise<Response>,
) {
  return timed(async (req: Request, ctx: RouteContext): Promise<Response> => {
    try {
      const key = await authenticateApiKey(req.headers.get("authorization"));
      if (options.scope === "secret" && key.scope !== "secret") {
        throw new AppError("FORBIDDEN", "This endpoint needs a secret key (sk-…); public keys may only send feedback");
      }
      const input = await readInput(req, ctx, options);
      return await handler({ req, key, ...input });
    } catch (error) {
      return toResponse(error);
    }
  });
}
