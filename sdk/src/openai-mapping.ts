import type { Usage } from "./types.js";

/** OpenAI chat request/response fields → Pharos generation fields. Structural, so no openai import. */

const PARAMETER_KEYS = [
  "temperature", "max_tokens", "max_completion_tokens", "top_p", "frequency_penalty", "presence_penalty", "seed", "stop", "n",
  "response_format", "reasoning_effort", "tool_choice", "parallel_tool_calls", "logprobs", "top_logprobs", "logit_bias", "service_tier", "stream",
] as const;

type Body = Record<string, unknown>;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const count = (v: unknown) => (typeof v === "number" && Number.isFinite(v) && v >= 0 ? Math.floor(v) : undefined);

export function requestFields(body: unknown): { model?: string; input: unknown; modelParameters: Record<string, unknown> } {
  const b: Body = isObject(body) ? body : {};
  const modelParameters: Record<string, unknown> = {};
  for (const key of PARAMETER_KEYS) if (b[key] !== undefined && b[key] !== null) modelParameters[key] = b[key];
  // Tool definitions shape the answer as much as temperature does; keep their names.
  if (Array.isArray(b.tools)) modelParameters.tools = b.tools.map((t) => (isObject(t) && isObject(t.function) ? t.function.name : t));
  return { model: typeof b.model === "string" ? b.model : undefined, input: b.messages, modelParameters };
}

export function usageFrom(usage: unknown): Usage | undefined {
  if (!isObject(usage)) return undefined;
  const prompt = isObject(usage.prompt_tokens_details) ? usage.prompt_tokens_details : {};
  const completion = isObject(usage.completion_tokens_details) ? usage.completion_tokens_details : {};
  return {
    input: count(usage.prompt_tokens),
    output: count(usage.completion_tokens),
    cachedInput: count(prompt.cached_tokens),
    reasoning: count(completion.reasoning_tokens),
    total: count(usage.total_tokens),
  };
}

/** The assistant message (or all of them when n > 1). */
export function completionOutput(completion: unknown): unknown {
  const choices = isObject(completion) && Array.isArray(completion.choices) ? completion.choices : [];
  const messages = choices.map((c) => (isObject(c) ? c.message : undefined));
  return messages.length === 1 ? messages[0] : messages;
}

export function responseModel(response: unknown): string | undefined {
  return isObject(response) && typeof response.model === "string" && response.model.length > 0 ? response.model : undefined;
}

type ToolCallDraft = { id?: string; type: string; function: { name: string; arguments: string } };

/** Rebuilds the assistant message from stream deltas (first choice only). */
export class StreamAssembler {
  content = "";
  refusal = "";
  private toolCalls: ToolCallDraft[] = [];
  /** True once a chunk carried something the user would see. */
  sawContent = false;

  add(chunk: unknown): boolean {
    const choice = isObject(chunk) && Array.isArray(chunk.choices) ? chunk.choices.find((c) => isObject(c) && (c.index ?? 0) === 0) : undefined;
    const delta = isObject(choice) && isObject(choice.delta) ? choice.delta : undefined;
    if (!delta) return false;
    const before = this.sawContent;
    if (typeof delta.content === "string" && delta.content.length > 0) {
      this.content += delta.content;
      this.sawContent = true;
    }
    if (typeof delta.refusal === "string" && delta.refusal.length > 0) {
      this.refusal += delta.refusal;
      this.sawContent = true;
    }
    if (Array.isArray(delta.tool_calls)) {
      for (const call of delta.tool_calls) this.addToolCall(call);
    }
    return !before && this.sawContent;
  }

  private addToolCall(call: unknown): void {
    if (!isObject(call)) return;
    const index = typeof call.index === "number" ? call.index : this.toolCalls.length;
    const draft = (this.toolCalls[index] ??= { type: "function", function: { name: "", arguments: "" } });
    if (typeof call.id === "string") draft.id = call.id;
    const fn = isObject(call.function) ? call.function : {};
    if (typeof fn.name === "string") draft.function.name += fn.name;
    if (typeof fn.arguments === "string") draft.function.arguments += fn.arguments;
    this.sawContent = true;
  }

  message(): Record<string, unknown> {
    const message: Record<string, unknown> = { role: "assistant", content: this.content.length > 0 ? this.content : null };
    if (this.refusal) message.refusal = this.refusal;
    const calls = this.toolCalls.filter(Boolean);
    if (calls.length > 0) message.tool_calls = calls;
    return message;
  }
}
