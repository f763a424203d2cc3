import type { Pharos } from "./client.js";
import type { Generation, Parent } from "./observation.js";
import { completionOutput, requestFields, responseModel, usageFrom } from "./openai-mapping.js";
import { observeStream, type Finish } from "./openai-stream.js";
import { promptOfMessages } from "./prompt.js";
import { overlay, trackPromise } from "./proxy.js";

// Structural, so the SDK needs no openai import and works with any v5/v6 client.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type CreateFn = (...args: any[]) => unknown;
export type OpenAILike = { chat: { completions: { create: CreateFn } } };

export type ObserveOpenAIOptions = {
  pharos: Pharos;
  /** Name of the trace created per call when there is no parent. */
  traceName?: string;
  /** Name of the generation span (default "openai.chat.completions"). */
  generationName?: string;
  userId?: string;
  sessionId?: string;
  tags?: string[];
  metadata?: Record<string, unknown>;
  promptName?: string;
  promptVersion?: number;
  /**
   * The prompt from getPrompt() these calls use. Without it, a call whose `messages` is the
   * very array a chat prompt's compile() returned is linked to that prompt by itself.
   */
  prompt?: { name: string; version: number | null; isFallback: boolean };
  /** Record calls under this trace or span instead of one new trace per call. */
  parent?: Parent;
};

/**
 * Returns the client with `chat.completions.create` recorded as generations; everything
 * else, and every value the caller receives, is the client's own. Errors are rethrown as is.
 */
export function observeOpenAI<C extends OpenAILike>(client: C, options: ObserveOpenAIOptions): C {
  try {
    const completions = overlay(client.chat.completions, { create: (target) => wrapCreate(target, options) });
    const chat = overlay(client.chat, { completions: () => completions });
    return overlay(client, { chat: () => chat });
  } catch {
    return client;
  }
}

function wrapCreate(completions: OpenAILike["chat"]["completions"], options: ObserveOpenAIOptions): CreateFn {
  const original = completions.create;
  return function create(body: unknown, ...rest: unknown[]) {
    const call = begin(body, options);
    let result: unknown;
    try {
      result = original.call(completions, body, ...rest);
    } catch (error) {
      call?.({ error });
      throw error;
    }
    if (!call) return result;
    const streaming = typeof body === "object" && body !== null && (body as { stream?: unknown }).stream === true;
    return trackPromise(result, {
      onValue: (value) => {
        if (streaming && typeof value === "object" && value !== null) return observeStream(value, call.generation, call);
        call({ output: completionOutput(value), model: responseModel(value), usage: usageFrom((value as { usage?: unknown } | null)?.usage) });
        return value;
      },
      onRawResponse: () => call({}),
      onError: (error) => call({ error }),
    });
  };
}

type Call = Finish & { generation: Generation };

/** Opens the generation (and a trace if needed); the returned function ends it exactly once. */
function begin(body: unknown, options: ObserveOpenAIOptions): Call | undefined {
  try {
    const request = requestFields(body);
    const owned = options.parent
      ? undefined
      : options.pharos.trace({ name: options.traceName ?? "openai.chat.completions", userId: options.userId, sessionId: options.sessionId, tags: options.tags, input: request.input });
    const parent = options.parent ?? owned!;
    const generation = parent.generation({
      name: options.generationName ?? "openai.chat.completions", provider: "openai", model: request.model, input: request.input,
      modelParameters: request.modelParameters, promptName: options.promptName, promptVersion: options.promptVersion,
      prompt: options.prompt ?? promptOfMessages((body as { messages?: unknown } | null)?.messages), metadata: options.metadata,
      userId: options.userId, sessionId: options.sessionId,
    });
    let ended = false;
    const finish: Finish = ({ output, model, usage, error, abandoned }) => {
      if (ended) return;
      ended = true;
      const failed = error !== undefined;
      generation.end({
        output, usage, ...(model ? { model } : {}),
        ...(failed ? { level: "ERROR", statusMessage: errorText(error) } : {}),
        ...(abandoned ? { statusMessage: "stream closed by the caller before it finished" } : {}),
      });
      if (owned && output !== undefined) owned.update({ output });
    };
    return Object.assign(finish, { generation });
  } catch {
    return undefined;
  }
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, 4000);
}
