// A real HTTP server in front of route handlers, for tests that drive the SDK over HTTP against
// the handlers themselves (no Next server): each request goes to the handler `route` names, or 404.
import http from "node:http";

export type RouteHandler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
export type RouteTarget = { handler: RouteHandler; params: Record<string, string> } | null;

export function routeServer(route: (method: string, path: string) => RouteTarget): http.Server {
  return http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const target = route(req.method ?? "GET", url.pathname);
    if (!target) return void res.writeHead(404).end();
    const headers = new Headers(Object.entries(req.headers).flatMap(([k, v]) => (typeof v === "string" ? [[k, v] as [string, string]] : [])));
    const body = chunks.length ? Buffer.concat(chunks) : undefined;
    const response = await target.handler(new Request(url, { method: req.method, headers, body }), { params: Promise.resolve(target.params) });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
}
