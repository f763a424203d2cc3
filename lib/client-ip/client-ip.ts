import ipaddr from "ipaddr.js";

/**
 * The header in which Pharos's own HTTP server (scripts/web-server.ts) hands the app the
 * client's address, worked out from the socket's peer and PHAROS_TRUSTED_PROXIES. The App
 * Router cannot see the socket, so this header is the only way in; the server overwrites it on
 * every request, so a copy a client sends never arrives.
 */
export const CLIENT_IP_HEADER = "x-pharos-client-ip";

const STAMPED = Symbol.for("pharos.clientIpStamped");
type Marked = { [STAMPED]?: boolean };
let warned = false;

/** Called by scripts/web-server.ts in its own process: from here on the header is the server's. */
export function markClientIpStamped(): void {
  (globalThis as Marked)[STAMPED] = true;
}

/**
 * The client's address as the server stamped it. Started some other way (`next start` by hand),
 * nobody overwrites the header, so in production it is ignored and every client counts as one
 * ("unknown"): stricter limits, never a client-chosen bucket. Tests and `next dev` set it themselves.
 * Takes a Headers object or the plain record next-auth hands its callbacks.
 */
export function clientIp(headers: Headers | Record<string, string | string[] | undefined> | undefined): string {
  if (!(globalThis as Marked)[STAMPED] && process.env.NODE_ENV === "production") {
    if (!warned) console.warn("[pharos] started without scripts/web-server.ts (npm start): client addresses are unknown, so per-client limits apply to all clients together");
    warned = true;
    return "unknown";
  }
  const raw = headers instanceof Headers ? headers.get(CLIENT_IP_HEADER) : headers?.[CLIENT_IP_HEADER];
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  return value || "unknown";
}

/**
 * The bucket an address is limited under: an IPv6 client usually holds a whole /64 (and can
 * rotate through it at will), so IPv6 addresses count per /64; IPv4 per address.
 */
export function clientIpBucket(ip: string): string {
  if (!ipaddr.IPv6.isValid(ip)) return ip;
  const parts = ipaddr.IPv6.parse(ip).parts.slice(0, 4);
  return `${parts.map((p) => p.toString(16)).join(":")}::/64`;
}
