import "server-only";
import { db } from "../db";
import { embeddingSettings } from "../drift/embedding-settings";
import { providerEmbedder } from "../embeddings/worker-embedder";
import { AppError } from "../errors";
import type { EvalContext } from "../evaluators/types";
import { ingestSettings } from "../ingest/project-settings";
import { resolveLlmEndpoint } from "../llm-connections/resolve-llm-endpoint";
import type { ChatCompletionRequest } from "../llm/chat-completion";
import type { CallOptions } from "../llm/provider-http";
import type { RetryPolicy } from "../llm/retry-policy";
import type { PriceOverride } from "../pricing/price-overrides";
import { extractVariables, type PromptType, systemPromptOf, type Template } from "../prompts/template";
import type { RunEvaluator } from "./run-evaluators";
import { usesProviderEmbedder } from "./check-run-embedders";

/** Per-call limits a run's model and judge calls use; tests shorten them. */
export type CallLimits = { timeoutMs?: number; retry?: Partial<RetryPolicy> };

/** What executing a run's items needs, loaded once per executor: the endpoint (secrets opened here), the prompt version, the evaluators. */
export type RunContext = {
  projectId: string;
  runId: string;
  datasetId: string;
  source: "prompt" | "outputs";
  evaluators: RunEvaluator[];
  model: string | null;
  endpoint: { endpoint: Awaited<ReturnType<typeof resolveLlmEndpoint>>["endpoint"]; overrides: PriceOverride[]; provider: string | null } | null;
  prompt: { name: string; version: number; type: PromptType; template: Template; variables: string[]; config: Record<string, unknown> } | null;
  request: Omit<ChatCompletionRequest, "model" | "messages">;
  limits: CallLimits;
  evalContext: EvalContext;
};

const CONFIG_KEYS = new Set(["model", "temperature", "maxTokens", "responseFormat"]);

/** Loads the context; an AppError means the run cannot execute at all (e.g. its connection was deleted). */
export async function loadRunContext(options: { projectId: string; runId: string; limits?: CallLimits }): Promise<RunContext> {
  const { projectId, runId } = options;
  const run = await db.run.findUniqueOrThrow({ where: { projectId_id: { projectId, id: runId } } });
  const limits = options.limits ?? {};
  const endpoint = run.connectionId ? await resolveLlmEndpoint({ projectId, connectionId: run.connectionId }) : null;
  let prompt: RunContext["prompt"] = null;
  if (run.promptId && run.promptVersion !== null) {
    const [p, v] = await Promise.all([
      db.prompt.findUnique({ where: { projectId_id: { projectId, id: run.promptId } } }),
      db.promptVersion.findUnique({ where: { projectId_promptId_version: { projectId, promptId: run.promptId, version: run.promptVersion } } }),
    ]);
    if (!p || !v) throw new AppError("NOT_FOUND", `prompt version ${run.promptName} v${run.promptVersion} no longer exists`);
    const type = p.type as PromptType;
    prompt = { name: p.name, version: v.version, type, template: v.template as Template, variables: extractVariables(type, v.template as Template), config: v.config as Record<string, unknown> };
  }
  // The version's config, then the run's overrides: temperature, maxTokens, responseFormat; other keys go to the body as is.
  const config = { ...(prompt?.config ?? {}), ...(run.modelConfig as Record<string, unknown>) };
  const extra = Object.fromEntries(Object.entries(config).filter(([k]) => !CONFIG_KEYS.has(k)));
  const request: RunContext["request"] = {
    ...(typeof config.temperature === "number" ? { temperature: config.temperature } : {}),
    ...(typeof config.maxTokens === "number" ? { maxTokens: config.maxTokens } : {}),
    ...(config.responseFormat && typeof config.responseFormat === "object" ? { responseFormat: config.responseFormat as Record<string, unknown> } : {}),
    ...(Object.keys(extra).length ? { extra } : {}),
  };
  const callOptions: CallOptions = { timeoutMs: limits.timeoutMs, retry: limits.retry };
  const evaluators = run.evaluators as unknown as RunEvaluator[];
  const judge = endpoint && run.model ? { endpoint: endpoint.endpoint, model: run.model, overrides: endpoint.overrides, timeoutMs: callOptions.timeoutMs, retry: callOptions.retry } : undefined;
  const embed = await runEmbed(projectId, evaluators, limits);
  return {
    projectId, runId, datasetId: run.datasetId, source: run.source as RunContext["source"], evaluators, model: run.model,
    endpoint: endpoint ? { endpoint: endpoint.endpoint, overrides: endpoint.overrides, provider: null } : null,
    prompt, request, limits,
    evalContext: {
      ...(judge ? { judge } : {}),
      ...(embed ? { embed } : {}),
      // The red-team leak evaluator: the project's PII detectors and patterns, the instructions of the version under test.
      ...(evaluators.some((e) => e.spec.type === "leak") ? { pii: (await ingestSettings(projectId)).pii, systemPrompt: prompt ? systemPromptOf(prompt.type, prompt.template) : null } : {}),
    },
  };
}

/**
 * The project's embeddings provider, only when an evaluator asks for it (embedding_similarity,
 * embedder "provider"), with the run's call limits. Removed since the start: no `embed`, and
 * those evaluators score `error` on every item.
 */
async function runEmbed(projectId: string, evaluators: RunEvaluator[], limits: CallLimits): Promise<EvalContext["embed"]> {
  if (!evaluators.some(usesProviderEmbedder)) return undefined;
  const embedder = await providerEmbedder(projectId, await embeddingSettings({ projectId }), {
    ...(limits.timeoutMs === undefined ? {} : { timeoutMs: limits.timeoutMs }),
    ...(limits.retry?.maxAttempts === undefined ? {} : { maxAttempts: limits.retry.maxAttempts }),
    ...(limits.retry?.baseDelayMs === undefined ? {} : { baseDelayMs: limits.retry.baseDelayMs }),
  });
  return embedder ? embedder.embed : undefined;
}
