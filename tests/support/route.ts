// Calls a Next route handler the way Next does: a real Request and a params promise.
type Handler = (req: Request, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

export type CallOptions = {
  /** Route segments; a catch-all (`[...name]`) takes the list of its parts. */
  params?: Record<string, string | string[]>;
  cookie?: string;
  authorization?: string;
  /** A value to JSON-encode, or a raw string sent as is. */
  body?: unknown;
  rawBody?: string;
  /** Content-Type of a rawBody (default application/json, as the app's own fetches send). */
  contentType?: string;
  query?: Record<string, string>;
  /** Further request headers (e.g. x-pharos-client-ip, the client address the web server stamps and rate limits key on). */
  headers?: Record<string, string>;
};

/**
 * A client address of its own (a random /64 of the IPv6 documentation range, which per-client
 * limits count as one client): the integration files share one database, and with it the
 * per-client limits' buckets, so requests that do not name a client must not all be one.
 */
export function testClientIp(): string {
  const group = () => Math.floor(Math.random() * 0x10000).toString(16);
  return `2001:db8:${group()}:${group()}::1`;
}

/** Calls the handler; without an x-pharos-client-ip header the request comes from a client of its own (testClientIp). */
export async function call(handler: Handler, method: string, options: CallOptions = {}) {
  const url = new URL("http://localhost:3000/api/test");
  for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v);
  const headers = new Headers(options.headers);
  if (!headers.has("x-pharos-client-ip")) headers.set("x-pharos-client-ip", testClientIp());
  if (options.cookie) headers.set("cookie", options.cookie);
  if (options.authorization) headers.set("authorization", options.authorization);
  let body: string | undefined = options.rawBody;
  if (body !== undefined) headers.set("content-type", options.contentType ?? "application/json");
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers.set("content-type", "application/json");
  }
  const res = await handler(new Request(url, { method, headers, body }), { params: Promise.resolve(options.params ?? {}) });
  const text = await res.text();
  let json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return { status: res.status, json, headers: res.headers };
}

export function basic(publicKey: string, secretKey: string): string {
  return `Basic ${Buffer.from(`${publicKey}:${secretKey}`).toString("base64")}`;
}
