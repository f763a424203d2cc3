import "server-only";
import { createHash } from "node:crypto";
import { runEvaluator } from "../evaluators/registry";
import type { EvalResult, EvalSubject } from "../evaluators/types";
import { ingest } from "../ingest/ingest";
import { chatCompletion, type ChatCompletionResult, type ChatMessage } from "../llm/chat-completion";
import { LlmCallError } from "../llm/provider-http";
import { compileTemplate, type ChatItem } from "../prompts/template";
import type { ClaimedItem, ItemOutcome } from "./item-claims";
import { contextsText, itemVariables } from "./item-variables";
import type { RunContext } from "./run-context";

/** A claim re-queued this many times (its workers kept dying on it) fails instead of looping. */
export const MAX_CLAIMS = 3;

/**
 * One item: compile the prompt with the item's input, call the model (the client retries,
 * honours Retry-After and times out per attempt), store the call as a trace, score it with
 * every evaluator. null when `kill` fired mid-item: the process is treated as dead and writes
 * nothing, so the item's lease lapses and another executor runs it.
 */
export async function executeRunItem(options: { ctx: RunContext; item: ClaimedItem; kill?: AbortSignal }): Promise<ItemOutcome | null> {
  const { ctx, item, kill } = options;
  const failed = (error: string, extra: Partial<ItemOutcome> = {}): ItemOutcome => ({
    status: "failed", output: null, error, passed: false, latencyMs: null, inputTokens: 0, outputTokens: 0, cost: 0, scores: null, traceId: null, ...extra,
  });
  if (item.attempts > MAX_CLAIMS) return failed(`abandoned: claimed ${item.attempts - 1} times by workers that stopped before finishing it`);

  let output: unknown = item.output;
  let call: ChatCompletionResult | null = null;
  let traceId: string | null = null;
  let stored: Promise<unknown> | undefined;
  if (ctx.source === "prompt") {
    const messages = compileMessages(ctx, item.input, item.contexts);
    if (typeof messages === "string") return failed(messages);
    try {
      call = await chatCompletion({ endpoint: ctx.endpoint!.endpoint, overrides: ctx.endpoint!.overrides, request: { ...ctx.request, model: ctx.model!, messages }, timeoutMs: ctx.limits.timeoutMs, retry: ctx.limits.retry, signal: kill });
    } catch (error) {
      if (kill?.aborted) return null;
      if (!(error instanceof LlmCallError)) throw error;
      return failed(`model call failed after ${error.attempts} attempt${error.attempts === 1 ? "" : "s"}: ${error.message}`, { latencyMs: error.totalMs });
    }
    output = call.content;
    // Written through ingest while the item is scored and completed; the executor completes the
    // item only once the write has settled (execute-run.ts), so a 2xx-like "done" means stored.
    const trace = storeTrace(ctx, item, messages, call);
    traceId = trace.traceId;
    stored = trace.written;
  } else if (output === null || output === undefined) {
    return failed("no output was supplied for this item");
  }

  const scores: Record<string, EvalResult & { type: string }> = {};
  for (const e of ctx.evaluators) {
    const result = await runEvaluator(e.spec, { input: item.input, output, expectedOutput: item.expectedOutput ?? undefined, metadata: item.metadata as Record<string, unknown> | null, contexts: item.contexts ?? undefined }, { ...ctx.evalContext, subject: subject(ctx, item.contexts, kill), signal: kill });
    if (kill?.aborted) return null;
    scores[e.key] = { type: e.spec.type, ...result };
  }
  const results = Object.values(scores);
  const judgeError = results.find((r) => r.status === "judge_error");
  const judge = results.map((r) => r.usage).filter((u) => u !== undefined);
  const inputTokens = (call?.usage.inputTokens ?? 0) + judge.reduce((n, u) => n + u.inputTokens, 0);
  const outputTokens = (call?.usage.outputTokens ?? 0) + judge.reduce((n, u) => n + u.outputTokens, 0);
  const cost = (call?.cost.totalCost ?? 0) + judge.reduce((n, u) => n + (u.cost ?? 0), 0);
  return {
    status: judgeError ? "judge_error" : "done",
    output,
    error: judgeError ? judgeError.reason : null,
    passed: results.every((r) => r.passed),
    latencyMs: call?.latencyMs ?? null,
    inputTokens,
    outputTokens,
    cost: Math.round(cost * 1e10) / 1e10,
    scores,
    traceId,
    ...(stored ? { stored } : {}),
  };
}

/**
 * The run's prompt × model as an evaluator can re-ask it (prompt runs only): the input is
 * compiled like the item's, with the item's contexts (a RAG prompt re-asked without its
 * passages would answer another question), the request is the run's (temperature
 * overridable). Not stored as a trace: these calls belong to the evaluator, and count in the
 * item's cost through its usage.
 */
function subject(ctx: RunContext, contexts: unknown, kill: AbortSignal | undefined): EvalSubject | undefined {
  if (ctx.source !== "prompt") return undefined;
  return {
    async complete({ input, temperature, signal }) {
      const messages = compileMessages(ctx, input, contexts);
      if (typeof messages === "string") throw new LlmCallError(messages, "malformed", null, 0, 0);
      const call = await chatCompletion({
        endpoint: ctx.endpoint!.endpoint, overrides: ctx.endpoint!.overrides, timeoutMs: ctx.limits.timeoutMs, retry: ctx.limits.retry, signal: signal ?? kill,
        request: { ...ctx.request, ...(temperature === undefined ? {} : { temperature }), model: ctx.model!, messages },
      });
      return {
        output: call.content,
        usage: { calls: 1, inputTokens: call.usage.inputTokens ?? 0, outputTokens: call.usage.outputTokens ?? 0, cost: call.cost.totalCost, latencyMs: call.latencyMs },
      };
    },
  };
}

/**
 * The prompt version compiled with the item's input (item-variables.ts), as chat messages; a
 * string says why it cannot be. A template's `contexts` variable, when the input does not set
 * it, gets the item's contexts as numbered passages (a RAG prompt re-run over its golden set).
 */
function compileMessages(ctx: RunContext, input: unknown, contexts?: unknown): ChatMessage[] | string {
  const prompt = ctx.prompt!;
  const usesContexts = prompt.variables.includes("contexts") && contexts !== null && contexts !== undefined;
  const vars = itemVariables(input, usesContexts ? prompt.variables.filter((v) => v !== "contexts") : prompt.variables);
  if (!vars.ok) return `cannot compile the prompt: ${vars.reason}`;
  const variables = usesContexts && vars.variables.contexts === undefined ? { ...vars.variables, contexts: contextsText(contexts) } : vars.variables;
  try {
    const compiled = compileTemplate(prompt.type, prompt.template, variables);
    if (typeof compiled === "string") return [{ role: "user", content: compiled }];
    return (compiled as ChatItem[]).map((m) => m as { role: string; content: string }).map((m) => ({ role: m.role as ChatMessage["role"], content: m.content }));
  } catch (error) {
    return `cannot compile the prompt: ${(error as Error).message}`;
  }
}

/**
 * The call as a trace through the normal ingest path (masked, priced, in the trace view):
 * environment `experiment`, tags and metadata naming the run and item. Ids derive from the
 * run item and its claim, so a re-run after a crash writes a new trace, never half of one.
 */
function storeTrace(ctx: RunContext, item: ClaimedItem, messages: ChatMessage[], call: ChatCompletionResult): { traceId: string; written: Promise<unknown> } {
  const hash = createHash("sha256").update(`${ctx.runId}:${item.id}:${item.attempts}`).digest("hex");
  const traceId = hash.slice(0, 32);
  const metadata = { runId: ctx.runId, runItemId: item.id, datasetId: ctx.datasetId, datasetItemId: item.itemId };
  const tags = [`run:${ctx.runId}`, `item:${item.itemId}`];
  const endTime = new Date(call.startedAt.getTime() + call.totalMs);
  const written = ingest(ctx.projectId, {
    spans: [{
      id: hash.slice(32, 48), traceId, parentId: null, kind: "llm", name: `run ${ctx.prompt!.name} v${ctx.prompt!.version}`,
      startTime: call.startedAt, endTime, ttftMs: null, model: call.model, provider: null, input: messages, output: call.content,
      modelParameters: { ...ctx.request.extra, ...(ctx.request.temperature === undefined ? {} : { temperature: ctx.request.temperature }), ...(ctx.request.maxTokens === undefined ? {} : { max_tokens: ctx.request.maxTokens }) },
      usage: call.usage, level: "DEFAULT", statusMessage: null, userId: null, sessionId: null, environment: "experiment", release: null,
      promptName: ctx.prompt!.name, promptVersion: ctx.prompt!.version, tags, metadata, traceName: `run ${ctx.runId}`,
    }],
    traces: [{ id: traceId, name: `run ${ctx.runId}`, timestamp: call.startedAt, input: messages, output: call.content, userId: null, sessionId: null, environment: "experiment", release: null, tags, metadata }],
  });
  return { traceId, written };
}
