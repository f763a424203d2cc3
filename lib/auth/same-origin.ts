import { AppError } from "../errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** Content types a cross-site form or fetch may send without a CORS preflight. */
const SIMPLE_TYPES = ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data"];

/**
 * CSRF defence for cookie-authenticated requests (SameSite=Lax alone lets a top-level POST from
 * another site through in some browsers, and any same-site subdomain). A state-changing request
 * must come from this server's own pages:
 * - `Origin`, which browsers send on every non-GET fetch and form post, must name this host
 *   (`X-Forwarded-Host` behind a proxy, else `Host`); `Origin: null` (sandboxed frames, some
 *   redirects) is refused;
 * - without `Origin`, `Sec-Fetch-Site` (sent by every current browser) must be same-origin or
 *   none (typed by the user); a request with neither header did not come from a browser
 *   (curl, a script with its own cookie), where CSRF cannot happen;
 * - a body must not be one of the types a cross-site page can send without a preflight
 *   (text/plain, form encodings): JSON routes then require application/json (lib/http.ts).
 */
export function assertSameOrigin(req: Request): void {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return;
  const origin = req.headers.get("origin");
  const host = (req.headers.get("x-forwarded-host") ?? req.headers.get("host") ?? "").split(",")[0]!.trim().toLowerCase();
  if (origin !== null) {
    let originHost: string | null = null;
    try {
      originHost = origin === "null" ? null : new URL(origin).host.toLowerCase();
    } catch {
      originHost = null;
    }
    if (originHost === null || originHost !== host) throw new AppError("FORBIDDEN", `Cross-site request refused: Origin ${origin} is not this server (${host || "unknown host"})`);
  } else {
    const site = req.headers.get("sec-fetch-site");
    if (site !== null && site !== "same-origin" && site !== "none") throw new AppError("FORBIDDEN", `Cross-site request refused (Sec-Fetch-Site: ${site})`);
  }
  const type = (req.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (SIMPLE_TYPES.includes(type)) throw new AppError("UNSUPPORTED_MEDIA_TYPE", `Content-Type ${type} is not accepted here; send application/json`);
}

/** For JSON bodies on cookie routes: anything but application/json (or +json) is a 415. */
export function assertJsonContentType(req: Request): void {
  const type = (req.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json" && !type.endsWith("+json")) throw new AppError("UNSUPPORTED_MEDIA_TYPE", `Content-Type must be application/json${type ? `, not ${type}` : ""}`);
}
