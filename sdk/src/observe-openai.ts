import type { Pharos } from "./client.js";
import { GuardBlockedError, type GuardMessage, type GuardOptions } from "./guard.js";
import { type Generation, type Parent, Span } from "./observation.js";
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
  /**
   * Guard every call with a Pharos guard policy (`true`: the project's default): the messages are
   * checked before the model is called (block → GuardBlockedError, nothing sent; mask → the masked
   * messages are sent) and the answer after (block → GuardBlockedError; mask → you get the answer
   * with the findings redacted). Streamed calls get the input check only: an answer already
   * streamed cannot be taken back. With a guard, create() returns a plain Promise (no
   * withResponse()/asResponse()).
   */
  guard?: true | GuardAround;
};

export type GuardAround = Pick<GuardOptions, "policy" | "timeoutMs" | "onFailure"> & {
  /** Check the request's messages (default true). */
  input?: boolean;
  /** Check the answer (default true; never for streams). */
  output?: boolean;
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
  if (options.guard) {
    const around = options.guard === true ? {} : options.guard;
    return (body: unknown, ...rest: unknown[]) => guardedCreate(completions, original, options, around, body, rest);
  }
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

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The trace a call records into when there is no parent (one per call). */
function ownTrace(body: unknown, options: ObserveOpenAIOptions) {
  return options.pharos.trace({ name: options.traceName ?? "openai.chat.completions", userId: options.userId, sessionId: options.sessionId, tags: options.tags, input: requestFields(body).input });
}

/**
 * The call with the policy around it: input check → (masked) request → generation recorded →
 * output check → the answer, masked if the policy masks. The guardrail spans join the call's trace.
 */
async function guardedCreate(completions: OpenAILike["chat"]["completions"], original: CreateFn, options: ObserveOpenAIOptions, around: GuardAround, body: unknown, rest: unknown[]): Promise<unknown> {
  const { pharos } = options;
  const owned = options.parent ? undefined : ownTrace(body, options);
  const parent = options.parent ?? owned!;
  const guardOptions = (spanId: string | undefined): GuardOptions => ({
    policy: around.policy, timeoutMs: around.timeoutMs, onFailure: around.onFailure,
    context: { traceId: parent.traceId, spanId, userId: options.userId, sessionId: options.sessionId },
  });
  let sent = body;
  const messages = isObject(body) ? body.messages : undefined;
  if (around.input !== false && Array.isArray(messages)) {
    const checked = await pharos.guardInput(messages as GuardMessage[], guardOptions(parent instanceof Span ? parent.id : undefined));
    if (checked.verdict === "block") {
      owned?.update({ output: { blocked: "input", findings: checked.findings.map((f) => f.type) } });
      throw new GuardBlockedError("input", checked);
    }
    if (checked.value !== messages) sent = { ...(body as Record<string, unknown>), messages: checked.value };
  }
  const call = begin(sent, options, owned);
  let value: unknown;
  try {
    value = await original.call(completions, sent, ...rest);
  } catch (error) {
    call?.({ error });
    throw error;
  }
  if (isObject(sent) && sent.stream === true) return call && isObject(value) ? observeStream(value, call.generation, call) : value;
  call?.({ output: completionOutput(value), model: responseModel(value), usage: usageFrom((value as { usage?: unknown } | null)?.usage) });
  const choices = isObject(value) && Array.isArray(value.choices) ? (value.choices as unknown[]) : [];
  if (around.output === false || choices.length === 0) return value;
  const answers: GuardMessage[] = choices.map((c) => {
    const content = isObject(c) && isObject(c.message) ? c.message.content : null;
    return { role: "assistant", content: typeof content === "string" ? content : null };
  });
  const checked = await pharos.guardOutput(answers, guardOptions(call?.generation.id));
  if (checked.verdict === "block") throw new GuardBlockedError("output", checked);
  if (checked.verdict !== "mask" || checked.value === answers) return value;
  // The caller gets the completion as the SDK returned it, with each choice's content masked.
  const masked = choices.map((c, i) => {
    const content = checked.value[i]?.content;
    return isObject(c) && isObject(c.message) && typeof content === "string" ? { ...c, message: { ...c.message, content } } : c;
  });
  return Object.assign(Object.create(Object.getPrototypeOf(value)) as object, value, { choices: masked });
}

/** Opens the generation (and a trace if needed); the returned function ends it exactly once. */
function begin(body: unknown, options: ObserveOpenAIOptions, trace?: ReturnType<typeof ownTrace>): Call | undefined {
  try {
    const request = requestFields(body);
    const owned = options.parent ? undefined : (trace ?? ownTrace(body, options));
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
