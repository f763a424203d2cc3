import type { z } from "zod";
import { assertJsonContentType } from "./auth/same-origin";
import { AppError, describeZodError } from "./errors";
import { assertJsonDepth } from "./text/json-depth";
import { illFormedPath } from "./text/well-formed";

export function json(data: unknown, status = 200, headers?: HeadersInit): Response {
  return Response.json(data, { status, headers });
}

const MAX_JSON_BYTES = 1_000_000;

/**
 * Reads a JSON request body and validates it; every failure is a 4xx that says where.
 * `jsonOnly` (cookie-authenticated routes): a non-empty body must be sent as application/json,
 * which a cross-site page cannot do without a CORS preflight.
 */
export async function readJsonBody<S extends z.ZodType>(req: Request, schema: S, options: { jsonOnly?: boolean } = {}): Promise<z.infer<S>> {
  const text = await readLimitedText(req, MAX_JSON_BYTES, `Request body exceeds ${MAX_JSON_BYTES} bytes`);
  if (options.jsonOnly && text.trim() !== "") assertJsonContentType(req);
  let value: unknown;
  if (text.trim() === "") {
    value = {};
  } else {
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new AppError("INVALID_JSON", `Request body is not valid JSON: ${(error as Error).message}`);
    }
    assertJsonDepth(value);
  }
  return validate(schema, value, "body");
}

/**
 * Reads a raw (non-JSON) body within a byte limit: refused from the declared length before
 * reading, and again after, since the header may be absent or wrong.
 */
export async function readTextBody(req: Request, limit: { maxBytes: number; tooLarge: string }): Promise<string> {
  return readLimitedText(req, limit.maxBytes, limit.tooLarge);
}

/**
 * The body as UTF-8 text, streamed: refused from a declared Content-Length over the limit
 * before reading, and as soon as the bytes read pass it (a client that lies or sends chunked
 * never makes the server buffer more than the limit).
 */
async function readLimitedText(req: Request, maxBytes: number, tooLarge: string): Promise<string> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new AppError("PAYLOAD_TOO_LARGE", tooLarge);
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new AppError("PAYLOAD_TOO_LARGE", tooLarge);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size).toString("utf8");
}

export function readQuery<S extends z.ZodType>(req: Request, schema: S): z.infer<S> {
  const params = Object.fromEntries(new URL(req.url).searchParams.entries());
  return validate(schema, params, "query");
}

export function validate<S extends z.ZodType>(schema: S, value: unknown, root: string): z.infer<S> {
  const illFormed = illFormedPath(value, root);
  if (illFormed !== undefined) throw new AppError("INVALID", `${illFormed}: must not contain NUL characters or unpaired UTF-16 surrogates`);
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError("INVALID", describeZodError(parsed.error, root), parsed.error.issues);
  return parsed.data;
}

/** The second argument Next passes to a route handler. */
export type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

/** The parsed value of an optional schema (undefined when the route has none). */
export type Parsed<T> = T extends z.ZodType ? z.infer<T> : undefined;
type Schema = z.ZodType | undefined;
export type InputSchemas<B extends Schema, Q extends Schema, P extends Schema = undefined> = { body?: B; query?: Q; params?: P };

/** Validated params, body and query of a request, per the route's schemas. */
export async function readInput<B extends Schema, Q extends Schema, P extends Schema = undefined>(
  req: Request,
  ctx: RouteContext,
  schemas: InputSchemas<B, Q, P>,
  options: { jsonOnly?: boolean } = {},
): Promise<{ body: Parsed<B>; query: Parsed<Q>; params: Parsed<P> }> {
  const params = (schemas.params ? validate(schemas.params, await ctx.params, "params") : undefined) as Parsed<P>;
  const query = (schemas.query ? readQuery(req, schemas.query) : undefined) as Parsed<Q>;
  const body = (schemas.body ? await readJsonBody(req, schemas.body, options) : undefined) as Parsed<B>;
  return { body, query, params };
}

/** A route segment the wrapper itself needs (the project or org id) — "" when absent. */
export async function segment(ctx: RouteContext, name: string): Promise<string> {
  const value = (await ctx.params)[name];
  return typeof value === "string" ? value : "";
}

/**
 * `Content-Disposition` for a download whose name may hold any script ("환불 질문.jsonl"):
 * an ASCII `filename` for old clients and the exact name as RFC 6266 / 5987 `filename*`.
 */
export function attachment(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]+/g, "_").replace(/["\\]/g, "_");
  const exact = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${exact}`;
}

/** Whether the request's If-None-Match names this ETag (or `*`); weak and strong forms compare equal, as RFC 9110 asks for GET. */
export function matchesIfNoneMatch(req: Request, etag: string): boolean {
  const header = req.headers.get("if-none-match");
  if (!header) return false;
  if (header.trim() === "*") return true;
  const bare = (tag: string) => tag.trim().replace(/^W\//, "");
  return header.split(",").some((tag) => bare(tag) === bare(etag));
}
