/**
 * The web server `npm start` runs (scripts/start.ts spawns it, through web-server.mjs, where it
 * used to spawn `next start`): Next's production request handler behind Node's own HTTP server, through Next's
 * documented custom-server API (`next({ dev: false, dir })` + `getRequestHandler()`).
 *
 * Why not `next start`: the App Router cannot see the socket, and Next only sets
 * X-Forwarded-For when a request has none, so the per-client limits (sign-in, sign-up,
 * feedback) would key on whatever a client writes there. This server knows the socket's peer,
 * works out the client from it and PHAROS_TRUSTED_PROXIES (lib/client-ip/trusted-proxies.ts), and
 * overwrites the one header the app trusts for it (lib/client-ip/client-ip.ts), dropping any copy
 * the client sent. Everything else is what `next start` does: the same handler, port, keep-alive
 * defaults, and on SIGTERM / SIGINT it stops accepting, finishes what is in flight and exits 143 / 130.
 */
import http from "node:http";
import path from "node:path";
import next from "next";
import { CLIENT_IP_HEADER, markClientIpStamped } from "../lib/client-ip/client-ip";
import { clientAddress, parseTrustedProxies } from "../lib/client-ip/trusted-proxies";
import { env } from "../lib/env";
import { loggablePath } from "../lib/observability/loggable-path";

const settings = env();
const port = settings.PORT;
const trust = parseTrustedProxies(settings.PHAROS_TRUSTED_PROXIES);
// `next start` names its process so; process lists and the overload test look for "next".
process.title = "next-server (pharos)";

const app = next({ dev: false, dir: path.resolve(import.meta.dirname, ".."), port });
await app.prepare();
const handle = app.getRequestHandler();
markClientIpStamped();

const server = http.createServer((req, res) => {
  req.headers[CLIENT_IP_HEADER] = clientAddress({ peer: req.socket.remoteAddress, forwardedFor: req.headers["x-forwarded-for"], trust });
  handle(req, res).catch((error: unknown) => {
    console.error(`[pharos web] ${req.method} ${loggablePath(req.url)} failed:`, error);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
server.on("error", (error) => {
  console.error(`[pharos web] ${error.message}`);
  process.exit(1);
});
server.listen(port, () => {
  const trusted = trust.kind === "none" ? "none (the client is the connection's peer)" : trust.kind === "hops" ? `${trust.hops} hop(s)` : trust.source;
  console.log(`[pharos web] listening on port ${port}; trusted proxies: ${trusted}`);
});

let stopping = false;
function stop(signal: "SIGTERM" | "SIGINT") {
  if (stopping) return;
  stopping = true;
  // close() stops accepting, lets in-flight requests finish and (Node ≥ 19) closes idle keep-alive connections.
  server.close(() => {
    void app.close().finally(() => process.exit(signal === "SIGTERM" ? 143 : 130));
  });
}
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));
