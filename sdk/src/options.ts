import type { PharosOptions } from "./types.js";

export type ResolvedOptions = Required<Omit<PharosOptions, "publicKey" | "environment" | "release" | "onError">> &
  Pick<PharosOptions, "publicKey" | "environment" | "release" | "onError">;

const SERVER_MAX_BATCH = 1000;

function num(value: unknown, fallback: number, min: number, max: number, problems: string[], name: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || Number.isNaN(value)) {
    problems.push(`${name} must be a number; using ${fallback}`);
    return fallback;
  }
  return Math.min(max, Math.max(min, value));
}

/**
 * Defaults and clamping. Problems are returned, not thrown: a misconfigured client reports
 * them and disables itself rather than crashing the app it observes.
 */
export function resolveOptions(input: PharosOptions): { options: ResolvedOptions; problems: string[]; usable: boolean } {
  const o: Partial<PharosOptions> = typeof input === "object" && input !== null ? input : {};
  const problems: string[] = [];
  let usable = true;
  if (typeof o.baseUrl !== "string" || !/^https?:\/\//.test(o.baseUrl)) {
    problems.push("baseUrl must be an http(s) URL; the client is disabled");
    usable = false;
  }
  if (typeof o.secretKey !== "string" || o.secretKey.length === 0) {
    problems.push("secretKey is required; the client is disabled");
    usable = false;
  }
  const defaultFetch = typeof globalThis.fetch === "function" ? globalThis.fetch.bind(globalThis) : undefined;
  const fetchImpl = o.fetch ?? (defaultFetch as PharosOptions["fetch"]);
  if (!fetchImpl) {
    problems.push("no fetch available; pass options.fetch; the client is disabled");
    usable = false;
  }
  const options: ResolvedOptions = {
    baseUrl: typeof o.baseUrl === "string" ? o.baseUrl.replace(/\/+$/, "") : "",
    secretKey: typeof o.secretKey === "string" ? o.secretKey : "",
    publicKey: o.publicKey,
    flushAt: Math.floor(num(o.flushAt, 50, 1, SERVER_MAX_BATCH, problems, "flushAt")),
    flushIntervalMs: num(o.flushIntervalMs, 1000, 0, 3_600_000, problems, "flushIntervalMs"),
    maxQueueSize: Math.floor(num(o.maxQueueSize, 10_000, 1, Number.MAX_SAFE_INTEGER, problems, "maxQueueSize")),
    sampleRate: num(o.sampleRate, 1, 0, 1, problems, "sampleRate"),
    maxRetries: Math.floor(num(o.maxRetries, 5, 0, 100, problems, "maxRetries")),
    requestTimeoutMs: num(o.requestTimeoutMs, 10_000, 1, 600_000, problems, "requestTimeoutMs"),
    environment: o.environment,
    release: o.release,
    fetch: fetchImpl ?? (() => Promise.reject(new Error("no fetch"))),
    guardTimeoutMs: num(o.guardTimeoutMs, 2_000, 1, 600_000, problems, "guardTimeoutMs"),
    guardFailure: o.guardFailure === "closed" ? "closed" : "open",
    onError: o.onError,
  };
  return { options, problems, usable };
}
