import "server-only";
import { createHash } from "node:crypto";
import { databaseUrl } from "../../env";
import { AppError } from "../../errors";
import { choosesCanary } from "./canary";
import { LabelListener } from "./label-listener";
import { PromptCache, type PromptHead, type PromptType, type VersionContent } from "./prompt-cache";
import { readPromptHead, readVersionContent } from "./read-prompt";

export type FetchedPrompt = {
  name: string;
  version: number;
  type: PromptType;
  /** A text prompt's string, or a chat prompt's message list. */
  template: unknown;
  config: unknown;
  /** Every label pointing at this version, `latest` included when it is the newest. */
  labels: string[];
  /** Whether the label's canary version was chosen for this call. */
  canary: boolean;
};

type FetchState = { cache: PromptCache; listener: LabelListener };
const globalForPrompts = globalThis as unknown as { pharosPromptFetch?: FetchState };

/** The process's cache and its LISTEN connection, started on the first fetch. */
function state(): FetchState {
  if (!globalForPrompts.pharosPromptFetch) {
    let cache: PromptCache | undefined;
    const listener = new LabelListener(databaseUrl(), { onNotify: (projectId) => cache?.invalidateProject(projectId), onEpoch: () => undefined });
    cache = new PromptCache(() => listener);
    listener.start();
    globalForPrompts.pharosPromptFetch = { cache, listener };
  }
  return globalForPrompts.pharosPromptFetch;
}

/** Stops the LISTEN connection and forgets the cache (tests, shutdown). */
export async function stopPromptFetch(): Promise<void> {
  const current = globalForPrompts.pharosPromptFetch;
  globalForPrompts.pharosPromptFetch = undefined;
  await current?.listener.stop();
}

/** This process's LISTEN connection: whether it holds, and its backend pid (tests wait for it and cut it). */
export function promptListenerStatus(): { listening: boolean; backendPid: number | undefined } {
  const { listener } = state();
  return { listening: listener.listening, backendPid: listener.backendPid };
}

export type FetchPromptOptions = {
  projectId: string;
  name: string;
  label?: string;
  version?: number;
  stickyKey?: string;
  /** false: read Postgres on every call (the benchmark's uncached path). */
  useCache?: boolean;
};

/**
 * The version a caller gets for a prompt and a label (default `production`; `latest` = the
 * newest version) or an explicit version, choosing the label's canary per sticky key. The
 * ETag covers everything in the answer, the canary choice included.
 */
export async function fetchPrompt(options: FetchPromptOptions): Promise<{ prompt: FetchedPrompt; etag: string }> {
  const { projectId, name, stickyKey } = options;
  const useCache = options.useCache ?? true;
  const { cache } = state();
  const head = await loadHead(cache, projectId, name, useCache);
  if (!head) throw new AppError("NOT_FOUND", `Prompt '${name}' not found`);

  let version: number;
  let canary = false;
  if (options.version !== undefined) {
    version = options.version;
  } else {
    const label = options.label ?? "production";
    if (label === "latest") {
      if (head.latest === null) throw new AppError("NOT_FOUND", `Prompt '${name}' has no versions yet`);
      version = head.latest;
    } else {
      const target = head.labels.get(label);
      if (!target) throw new AppError("NOT_FOUND", `Prompt '${name}' has no label '${label}'`);
      canary = target.canary !== null && choosesCanary({ name, label, canary: target.canary, stickyKey });
      version = canary ? target.canary!.version : target.version;
    }
  }
  const content = await loadVersion(cache, projectId, head.promptId, version, useCache);
  if (!content) throw new AppError("NOT_FOUND", `Prompt '${name}' has no version ${version}`);

  const labels = [...head.labels].filter(([, l]) => l.version === version).map(([label]) => label).sort();
  if (version === head.latest) labels.push("latest");
  const prompt: FetchedPrompt = { name, version, type: head.type, template: content.template, config: content.config, labels, canary };
  return { prompt, etag: etagOf(prompt, content.contentHash) };
}

/**
 * The versions of a prompt that may be answering now: the one `production` points at, its
 * canary's, and the newest (a version on trial elsewhere). From the same cache as fetches
 * (invalidated on every label move); an unknown prompt has none. The guard's system-prompt
 * leak check reads these.
 */
export async function promptVersionsInUse(options: { projectId: string; name: string }): Promise<{ version: number; type: PromptType; template: unknown }[]> {
  const { projectId, name } = options;
  const { cache } = state();
  const head = await loadHead(cache, projectId, name, true);
  if (!head) return [];
  const production = head.labels.get("production");
  const versions = new Set([production?.version, production?.canary?.version, head.latest ?? undefined].filter((v): v is number => v !== undefined));
  const out: { version: number; type: PromptType; template: unknown }[] = [];
  for (const version of versions) {
    const content = await loadVersion(cache, projectId, head.promptId, version, true);
    if (content) out.push({ version, type: head.type, template: content.template });
  }
  return out;
}

async function loadHead(cache: PromptCache, projectId: string, name: string, useCache: boolean): Promise<PromptHead | null> {
  if (!useCache) return readPromptHead({ projectId, name });
  const cached = cache.getHead(projectId, name);
  if (cached) return cached;
  const ticket = cache.ticket(projectId);
  const head = await readPromptHead({ projectId, name });
  if (head) cache.setHead(projectId, name, head, ticket);
  return head;
}

async function loadVersion(cache: PromptCache, projectId: string, promptId: string, version: number, useCache: boolean): Promise<VersionContent | null> {
  if (!useCache) return readVersionContent({ projectId, promptId, version });
  const cached = cache.getVersion(projectId, promptId, version);
  if (cached) return cached;
  const content = await readVersionContent({ projectId, promptId, version });
  if (content) cache.setVersion(projectId, promptId, version, content);
  return content;
}

/** The content hash stands for template, type and config; the rest of the answer is hashed beside it. */
function etagOf(prompt: FetchedPrompt, contentHash: string): string {
  const digest = createHash("sha256").update(JSON.stringify([prompt.name, prompt.version, contentHash, prompt.labels, prompt.canary])).digest("base64url");
  return `"${digest.slice(0, 27)}"`;
}
