import { PharosError, describe } from "./errors.js";
import { ChatPrompt, type ChatMessage, type ChatTemplateItem, type Prompt, TextPrompt } from "./prompt.js";
import type { FetchLike } from "./types.js";

export type GetPromptOptions = {
  /** Default "production"; "latest" is the newest version. */
  label?: string;
  /** A fixed version instead of a label. */
  version?: number;
  /** User or session id: the same key keeps the same version while a canary runs on the label. */
  stickyKey?: string;
  /** How long an answer is used before it is revalidated in the background (default 60; 0 = fetch every call). */
  cacheTtlSeconds?: number;
  /** Used when there is no cached copy and Pharos cannot answer: getPrompt then never throws. */
  fallback?: string | ChatTemplateItem[];
  /** Refuse (or fall back) when the prompt is not of this type. */
  type?: "text" | "chat";
};

type Entry = { prompt: Prompt; etag: string | null; freshUntil: number };
type Answer = { name: string; version: number; type: "text" | "chat"; template: unknown; config: unknown; labels: string[]; canary: boolean };

const DEFAULT_TTL_SECONDS = 60;
const MAX_ENTRIES = 1_000;

export type FetcherOptions = { baseUrl: string; secretKey: string; timeoutMs: number; fetch: FetchLike; report: (error: PharosError) => void; usable: boolean };

/**
 * getPrompt's cache: a fresh copy is returned at once; a stale one is returned at once and
 * revalidated in the background (with If-None-Match); when Pharos cannot answer, the last
 * good copy is kept, then the fallback, and only without either does the call reject.
 */
export class PromptFetcher {
  private readonly cache = new Map<string, Entry>();
  private readonly inflight = new Map<string, Promise<Prompt>>();

  constructor(private readonly options: FetcherOptions) {}

  async get(name: string, options: GetPromptOptions = {}): Promise<Prompt> {
    const o: GetPromptOptions = typeof options === "object" && options !== null ? options : {};
    let key = "";
    try {
      if (typeof name !== "string" || name.length === 0) throw new PharosError("invalid", "getPrompt needs a prompt name");
      if (o.label !== undefined && o.version !== undefined) throw new PharosError("invalid", `getPrompt("${name}"): pass either label or version, not both`);
      if (!this.options.usable) throw new PharosError("config", `getPrompt("${name}"): the client is disabled (see the config errors reported at start)`);
      key = JSON.stringify([name, o.version ?? o.label ?? "production", o.stickyKey ?? null, o.type ?? null]);
      const ttlMs = Math.max(0, o.cacheTtlSeconds ?? DEFAULT_TTL_SECONDS) * 1000;
      const entry = this.cache.get(key);
      if (entry && ttlMs > 0) {
        // Stale: answer now, revalidate behind the caller (load() runs one request per key at a time).
        if (Date.now() >= entry.freshUntil) this.load(key, name, o, ttlMs).catch((error: unknown) => this.report(error));
        return entry.prompt;
      }
      try {
        return await this.load(key, name, o, ttlMs);
      } catch (error) {
        if (!entry) throw error;
        this.report(error);
        return entry.prompt; // last good copy
      }
    } catch (error) {
      if (o.fallback === undefined) throw error instanceof PharosError ? error : new PharosError("internal", `getPrompt("${String(name)}") failed: ${describe(error)}`, { cause: error });
      this.report(error);
      return fallbackPrompt(String(name), o.fallback);
    }
  }

  private report(error: unknown): void {
    this.options.report(error instanceof PharosError ? error : new PharosError("internal", describe(error), { cause: error }));
  }

  /** One request per key at a time: concurrent callers share it. */
  private load(key: string, name: string, o: GetPromptOptions, ttlMs: number): Promise<Prompt> {
    let pending = this.inflight.get(key);
    if (!pending) {
      pending = this.request(key, name, o, ttlMs).finally(() => this.inflight.delete(key));
      this.inflight.set(key, pending);
    }
    return pending;
  }

  private async request(key: string, name: string, o: GetPromptOptions, ttlMs: number): Promise<Prompt> {
    const query = new URLSearchParams();
    if (o.version !== undefined) query.set("version", String(o.version));
    else if (o.label !== undefined) query.set("label", o.label);
    if (o.stickyKey !== undefined) query.set("stickyKey", o.stickyKey);
    const path = name.split("/").map(encodeURIComponent).join("/");
    const url = `${this.options.baseUrl}/api/public/prompts/${path}${query.toString() ? `?${query}` : ""}`;
    const cached = this.cache.get(key);
    const headers: Record<string, string> = { authorization: `Bearer ${this.options.secretKey}` };
    if (cached?.etag) headers["if-none-match"] = cached.etag;
    let res: Awaited<ReturnType<FetchLike>>;
    let text: string;
    try {
      res = await this.options.fetch(url, { method: "GET", headers, signal: AbortSignal.timeout(this.options.timeoutMs) });
      text = await res.text();
    } catch (error) {
      throw new PharosError("network", `getPrompt("${name}") request failed: ${describe(error)}`, { cause: error });
    }
    if (res.status === 304 && cached) {
      this.store(key, { ...cached, freshUntil: Date.now() + ttlMs });
      return cached.prompt;
    }
    if (res.status !== 200) {
      const message = errorMessage(text) ?? `HTTP ${res.status}`;
      throw new PharosError(res.status === 404 ? "not_found" : "http", `getPrompt("${name}"): ${message}`, { status: res.status });
    }
    const prompt = toPrompt(JSON.parse(text) as Answer);
    if (o.type && prompt.type !== o.type) throw new PharosError("invalid", `getPrompt("${name}"): expected a ${o.type} prompt, Pharos has a ${prompt.type} prompt`);
    this.store(key, { prompt, etag: res.headers.get("etag"), freshUntil: Date.now() + ttlMs });
    return prompt;
  }

  private store(key: string, entry: Entry): void {
    this.cache.delete(key);
    this.cache.set(key, entry);
    if (this.cache.size > MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value as string);
  }
}

function toPrompt(a: Answer): Prompt {
  const data = { name: a.name, version: a.version, config: (a.config ?? {}) as Record<string, unknown>, labels: a.labels ?? [], canary: a.canary === true, isFallback: false };
  return a.type === "chat" ? new ChatPrompt(data, a.template as ChatTemplateItem[]) : new TextPrompt(data, String(a.template));
}

function fallbackPrompt(name: string, fallback: string | ChatTemplateItem[]): Prompt {
  const data = { name, version: null, config: {}, labels: [], canary: false, isFallback: true };
  return typeof fallback === "string" ? new TextPrompt(data, fallback) : new ChatPrompt(data, fallback as ChatMessage[]);
}

function errorMessage(text: string): string | undefined {
  try {
    const message = (JSON.parse(text) as { error?: { message?: unknown } }).error?.message;
    return typeof message === "string" ? message : undefined;
  } catch {
    return undefined;
  }
}
