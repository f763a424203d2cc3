import { lookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from "request-filtering-agent";
import { env } from "../env";
import { AppError } from "../errors";

/**
 * Requests to URLs that users type in (alert webhooks, the embeddings provider) leave from the
 * Pharos server, inside its network. Left open, any project engineer could make Pharos call
 * cloud metadata (169.254.169.254), the database or other internal services and read the answer
 * back through error messages. So such URLs may only reach public addresses unless the operator
 * allows more with PHAROS_OUTBOUND_ALLOWED_HOSTS: a comma-separated list of host names, IP
 * addresses and CIDR ranges (e.g. `127.0.0.1,10.0.0.0/8,llm-gateway.internal`).
 *
 * Checked twice: when the URL is saved (a clear 400), and when connecting, on the address the
 * connection actually uses (request-filtering-agent: it validates every DNS answer and IP
 * literal at connect time, so a name that resolves elsewhere later — DNS rebinding — is caught).
 */
export const ALLOWED_HOSTS_ENV = "PHAROS_OUTBOUND_ALLOWED_HOSTS";

export type OutboundPolicy = { hosts: Set<string>; ips: string[] };

export function outboundPolicy(value = env().PHAROS_OUTBOUND_ALLOWED_HOSTS): OutboundPolicy {
  const entries = value.split(",").map((e) => e.trim().toLowerCase()).filter(Boolean);
  const isAddress = (e: string) => isIP(e) !== 0 || (e.includes("/") && ipaddr.isValidCIDR(e));
  return { hosts: new Set(entries.filter((e) => !isAddress(e))), ips: entries.filter(isAddress) };
}

export class OutboundBlockedError extends Error {}

function addressAllowed(address: string, policy: OutboundPolicy): boolean {
  const parsed = ipaddr.process(address);
  if (parsed.range() === "unicast") return true;
  return policy.ips.some((entry) => (entry.includes("/") ? matchesCidr(parsed, entry) : ipaddr.process(entry).toString() === parsed.toString()));
}

function matchesCidr(address: ipaddr.IPv4 | ipaddr.IPv6, cidr: string): boolean {
  const [range, bits] = ipaddr.parseCIDR(cidr);
  return address.kind() === range.kind() && address.match([range, bits] as [typeof address, number]);
}

const blockedMessage = (host: string, address: string) =>
  `${host} resolves to ${address}, a private or reserved address that Pharos does not call by default; an operator can allow it with ${ALLOWED_HOSTS_ENV}`;

/** Host names of the URL without IPv6 brackets, lower-cased. */
const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, "").toLowerCase();

/**
 * Why Pharos will not call this URL, or null if it will. A name that does not resolve (yet) is
 * accepted here; the request itself then fails with the DNS error, and is checked on connect.
 */
export async function outboundUrlProblem(raw: string, policy = outboundPolicy()): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "is not a valid URL";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return "must be an http:// or https:// URL";
  const host = hostOf(url);
  if (policy.hosts.has(host)) return null;
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  } catch {
    return null;
  }
  const blocked = addresses.find((a) => !addressAllowed(a, policy));
  return blocked ? blockedMessage(host, blocked) : null;
}

export type OutboundInit = { method: "POST" | "GET"; headers?: Record<string, string>; body?: string; signal?: AbortSignal; maxBytes?: number };

const agents = new Map<string, http.Agent>();

/**
 * One filtering agent per scheme and allow list, keeping connections alive: an online
 * evaluation makes several calls a second to one provider, and a new TCP (and TLS) connection
 * per call cost the worker more CPU than the rest of the call (bench:rag). A pooled socket stays
 * connected to the address that was checked when it was opened; idle ones close after 15 s or
 * the server's Keep-Alive hint.
 */
function filteringAgent(secure: boolean, policy: OutboundPolicy): http.Agent {
  const key = `${secure ? "https" : "http"} ${policy.ips.join(",")}`;
  let agent = agents.get(key);
  if (!agent) {
    const options = { allowIPAddressList: policy.ips, keepAlive: true, timeout: 15_000 };
    agent = secure ? new RequestFilteringHttpsAgent(options) : new RequestFilteringHttpAgent(options);
    agents.set(key, agent);
  }
  return agent;
}

/**
 * `fetch` for user-supplied URLs: refuses private and reserved addresses at connect time,
 * never follows redirects (a 3xx is returned as is), and caps the response body.
 */
export async function outboundFetch(raw: string, init: OutboundInit, policy = outboundPolicy()): Promise<Response> {
  const url = new URL(raw);
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new OutboundBlockedError(`${url.protocol} URLs are not supported`);
  const secure = url.protocol === "https:";
  const host = hostOf(url);
  // An allowed host name is trusted by name: whatever it resolves to.
  const agent = policy.hosts.has(host) ? undefined : filteringAgent(secure, policy);
  const maxBytes = init.maxBytes ?? 16 * 1024 * 1024;
  return new Promise<Response>((resolve, reject) => {
    const request = (secure ? https : http).request(url, { method: init.method, headers: init.headers, agent, signal: init.signal }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) {
          res.destroy(new Error(`the response from ${url.host} is larger than ${maxBytes} bytes`));
          return;
        }
        chunks.push(chunk);
      });
      res.on("error", reject);
      res.on("end", () => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(res.headers)) {
          for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, v);
        }
        const status = res.statusCode ?? 502;
        const body = status === 204 || status === 304 ? null : Buffer.concat(chunks);
        resolve(new Response(body, { status, statusText: res.statusMessage, headers }));
      });
    });
    request.on("error", (error: Error) => {
      const refused = /DNS lookup (\S+?)\(.*is not allowed/.exec(error.message);
      reject(refused ? new OutboundBlockedError(blockedMessage(host, refused[1]!)) : error);
    });
    request.end(init.body);
  });
}

/** The 400 for a user-supplied URL Pharos will not call, naming the field (e.g. `body.webhookUrl`). */
export async function assertOutboundUrl(url: string, field: string): Promise<void> {
  const problem = await outboundUrlProblem(url);
  if (problem) throw new AppError("INVALID", `${field}: ${problem}`);
}
