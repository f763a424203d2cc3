import ipaddr from "ipaddr.js";

/**
 * Which hops in front of Pharos may say who the client is (PHAROS_TRUSTED_PROXIES), in the
 * shape of Express's "trust proxy": nothing (the default: the client is the socket's peer), a
 * hop count (the N proxies nearest to Pharos), or addresses and CIDR ranges of the proxies.
 */
export type TrustedProxies = { kind: "none" } | { kind: "hops"; hops: number } | { kind: "ranges"; ranges: Range[]; source: string };
type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** Names for the usual proxy networks, as Express's proxy-addr spells them. */
const NAMED: Record<string, string[]> = {
  loopback: ["127.0.0.1/8", "::1/128"],
  linklocal: ["169.254.0.0/16", "fe80::/10"],
  uniquelocal: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"],
};
const MAX_HOPS = 10;

/** Parses the setting; throws an Error that says what is wrong and what is accepted. */
export function parseTrustedProxies(raw: string | undefined): TrustedProxies {
  const value = (raw ?? "").trim();
  if (value === "" || value === "0" || value.toLowerCase() === "false" || value.toLowerCase() === "none") return { kind: "none" };
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > MAX_HOPS) throw new Error(`${value} hops is more than any real proxy chain (at most ${MAX_HOPS}); give the count of proxies in front of Pharos`);
    return { kind: "hops", hops };
  }
  if (["true", "*", "all"].includes(value.toLowerCase())) {
    throw new Error(`"${value}" would trust every hop, so any client could name its own address in X-Forwarded-For; give a hop count (1 for one load balancer) or the proxies' addresses`);
  }
  const ranges: Range[] = [];
  for (const entry of value.split(",").map((s) => s.trim())) {
    if (!entry) throw new Error(`"${value}" has an empty entry; separate addresses with single commas`);
    if (/^\d+$/.test(entry)) throw new Error(`"${value}" mixes a hop count with addresses; give either a hop count alone or a list of addresses`);
    for (const cidr of NAMED[entry.toLowerCase()] ?? [entry]) ranges.push(parseRange(cidr, entry));
  }
  return { kind: "ranges", ranges, source: value };
}

function parseRange(cidr: string, entry: string): Range {
  try {
    const [address, bits] = cidr.split("/");
    if (!ipaddr.IPv4.isValidFourPartDecimal(address!) && !ipaddr.IPv6.isValid(address!)) throw new Error("not an address");
    if (bits !== undefined) return ipaddr.parseCIDR(cidr);
    const parsed = ipaddr.parse(address!);
    return [parsed, parsed.kind() === "ipv4" ? 32 : 128];
  } catch {
    throw new Error(`"${entry}" is neither an IP address, a CIDR range (10.0.0.0/8) nor one of ${Object.keys(NAMED).join(", ")}`);
  }
}

/**
 * The client's address: walk from the socket's peer back through X-Forwarded-For (each proxy
 * appends the address it received the request from) while the hop is trusted; the first
 * untrusted address is the client. Entries further left than that were written by whoever we do
 * not trust, and are ignored. With nothing trusted this is the peer, whatever the headers say.
 */
export function clientAddress(options: { peer: string | undefined; forwardedFor: string | string[] | undefined; trust: TrustedProxies }): string {
  const peer = normalize(options.peer ?? "") ?? "unknown";
  const { trust } = options;
  if (trust.kind === "none") return peer;
  const raw = Array.isArray(options.forwardedFor) ? options.forwardedFor.join(",") : (options.forwardedFor ?? "");
  const chain = [peer, ...raw.split(",").map((s) => s.trim()).filter(Boolean).reverse()];
  let i = 0;
  while (i + 1 < chain.length && trusted(chain[i]!, i, trust)) i++;
  // An entry a trusted proxy wrote that is no address (misconfiguration) must not become a
  // client-chosen bucket name: it stops the walk at the last real address.
  const normalized = normalize(chain[i]!);
  if (normalized) return normalized;
  return normalize(chain[i - 1] ?? "") ?? peer;
}

function trusted(address: string, index: number, trust: TrustedProxies): boolean {
  if (trust.kind === "hops") return index < trust.hops;
  if (trust.kind === "none") return false;
  const parsed = parse(address);
  if (!parsed) return false;
  return trust.ranges.some(([range, bits]) => range.kind() === parsed.kind() && parsed.match(range, bits));
}

/** IPv4-mapped IPv6 (::ffff:1.2.3.4, what a dual-stack socket reports) as IPv4; `1.2.3.4:5678` and `[::1]:80` without the port. */
function parse(text: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  let t = text.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(t);
  if (bracketed) t = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(t)) t = t.slice(0, t.lastIndexOf(":"));
  // Only the plain forms: "1" or "0x7f.1" are valid to ipaddr.js, but no proxy writes them.
  if (!ipaddr.IPv4.isValidFourPartDecimal(t) && !ipaddr.IPv6.isValid(t)) return null;
  try {
    return ipaddr.process(t);
  } catch {
    return null;
  }
}

function normalize(text: string): string | null {
  return parse(text)?.toString() ?? null;
}
