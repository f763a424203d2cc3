import "server-only";
import { systemPromptGrams } from "../detectors/system-prompt-leak";
import { AppError } from "../errors";
import { ingestSettings } from "../ingest/project-settings";
import type { PiiSettings } from "../pii/settings";
import { compilePolicy, type CompiledPolicy, SYSTEM_PROMPT_NGRAM } from "./compile-policy";
import { readPolicies } from "./policy-rows";

type Entry = { policies: Map<string, CompiledPolicy>; defaultName: string; pii: PiiSettings; expiresAt: number };

// Like the ingest settings: a guard call must not read Postgres. A change made in this process
// applies at once (forgetGuardPolicies); other processes see it within TTL_MS.
const TTL_MS = 30_000;
const globalForGuard = globalThis as unknown as { pharosGuardPolicies?: Map<string, Promise<Entry>> };
const entries = () => (globalForGuard.pharosGuardPolicies ??= new Map());

async function load(projectId: string, pii: PiiSettings): Promise<Entry> {
  const { views, defaultName } = await readPolicies(projectId);
  const prepare = (text: string) => systemPromptGrams(text, SYSTEM_PROMPT_NGRAM);
  const policies = new Map(views.map((v) => [v.name, compilePolicy(v.name, v, pii, prepare)]));
  return { policies, defaultName, pii, expiresAt: Date.now() + TTL_MS };
}

/**
 * The compiled policy a guard call uses: the one named, or the project's default. One load per
 * project at a time (concurrent callers share it); recompiled when the project's custom PII
 * patterns change. An unknown name is a 400 naming `body.policy`.
 */
export async function resolveGuardPolicy(projectId: string, name: string | undefined, field = "body.policy"): Promise<CompiledPolicy> {
  const { pii } = await ingestSettings(projectId);
  const cache = entries();
  const seen = cache.get(projectId);
  let entry = seen ? await seen.catch(() => null) : null;
  if (!entry || entry.expiresAt <= Date.now() || entry.pii !== pii) {
    // Whoever finds it stale first reloads; callers that come after await the same load.
    const current = cache.get(projectId);
    let pending = current && current !== seen ? current : undefined;
    if (!pending) {
      const loading = load(projectId, pii);
      loading.catch(() => cache.get(projectId) === loading && cache.delete(projectId));
      cache.set(projectId, loading);
      pending = loading;
    }
    entry = await pending;
  }
  const policy = entry.policies.get(name ?? entry.defaultName);
  if (!policy) throw new AppError("INVALID", `${field}: no guard policy named '${name}' in this project`);
  return policy;
}

export function forgetGuardPolicies(projectId: string) {
  entries().delete(projectId);
}
