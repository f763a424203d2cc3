import "server-only";
import { chatCompletion } from "../llm/chat-completion";
import { listModels } from "../llm/list-models";
import { LlmCallError } from "../llm/provider-http";
import type { LlmConnectionTestResult } from "../schemas/llm-connections";
import { resolveLlmEndpoint } from "./resolve-llm-endpoint";

/**
 * "Test connection": GET {baseUrl}/models, or a 1-token chat completion when a model is named.
 * One attempt (a test should show the first failure, not hide it behind retries); the outcome
 * is a result, not an error, so the UI can show latency and the provider's message side by side.
 */
export async function testLlmConnection(options: { projectId: string; connectionId: string; model?: string; timeoutMs: number }): Promise<LlmConnectionTestResult> {
  const { endpoint, overrides } = await resolveLlmEndpoint(options);
  const call = { endpoint, timeoutMs: options.timeoutMs, retry: { maxAttempts: 1 } };
  const check = options.model ? "chat" : "models";
  try {
    if (options.model) {
      const result = await chatCompletion({ ...call, overrides, request: { model: options.model, messages: [{ role: "user", content: "ping" }], maxTokens: 1 } });
      return { ok: true, check, latencyMs: result.latencyMs };
    }
    const { models, latencyMs } = await listModels(call);
    return { ok: true, check, latencyMs, models };
  } catch (error) {
    if (!(error instanceof LlmCallError)) throw error;
    return { ok: false, check, latencyMs: error.kind === "timeout" ? null : error.totalMs, error: { kind: error.kind, status: error.status, message: error.message } };
  }
}
