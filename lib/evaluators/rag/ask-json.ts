import type { z } from "zod";
import { chatCompletion, type ChatCompletionResult, type ChatMessage } from "../../llm/chat-completion";
import { LlmCallError } from "../../llm/provider-http";
import type { EvalContext } from "../types";

/**
 * One strict-JSON answer from one model, like the judge's (judge-call.ts): the answer must be
 * exactly a JSON object matching `schema` (a ```json fence around all of it is tolerated); a
 * bad answer is asked for again once with the problem named, then it is a parse failure. A
 * provider failure (after the client's retries) is "error". Every call is returned for pricing.
 */
export type JsonAnswer<T> =
  | { kind: "ok"; value: T; attempts: number; calls: ChatCompletionResult[] }
  | { kind: "parse_error"; problems: string[]; calls: ChatCompletionResult[] }
  | { kind: "error"; message: string; calls: ChatCompletionResult[] };

export type Judge = NonNullable<EvalContext["judge"]>;

export function parseStrictJson<T>(content: string, schema: z.ZodType<T>, check?: (value: T) => string | null): { ok: true; value: T } | { ok: false; problem: string } {
  const fenced = /^```(?:json)?\s*([\s\S]*?)\s*```$/.exec(content.trim());
  let value: unknown;
  try {
    value = JSON.parse(fenced ? fenced[1]! : content.trim());
  } catch (error) {
    return { ok: false, problem: `not JSON: ${(error as Error).message}` };
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, problem: `${issue.path.join(".") || "answer"}: ${issue.message}` };
  }
  const problem = check?.(parsed.data) ?? null;
  return problem ? { ok: false, problem } : { ok: true, value: parsed.data };
}

export async function askJson<T>(options: {
  judge: Judge; model: string; messages: ChatMessage[]; schema: z.ZodType<T>; shape: string;
  /** A rule zod cannot say (e.g. one verdict per statement); returns the problem or null. */
  check?: (value: T) => string | null;
  jsonMode?: boolean; temperature?: number; signal?: AbortSignal;
}): Promise<JsonAnswer<T>> {
  const { judge, model, schema } = options;
  const messages = [...options.messages];
  const calls: ChatCompletionResult[] = [];
  const problems: string[] = [];
  for (let attempt = 1; attempt <= 2; attempt++) {
    let result: ChatCompletionResult;
    try {
      result = await chatCompletion({
        endpoint: judge.endpoint, overrides: judge.overrides, timeoutMs: judge.timeoutMs, retry: judge.retry, signal: options.signal,
        request: { model, messages, temperature: options.temperature ?? 0, ...(options.jsonMode === false ? {} : { responseFormat: { type: "json_object" } }) },
      });
    } catch (error) {
      if (!(error instanceof LlmCallError)) throw error;
      return { kind: "error", message: error.message, calls };
    }
    calls.push(result);
    const parsed = parseStrictJson(result.content, schema, options.check);
    if (parsed.ok) return { kind: "ok", value: parsed.value, attempts: attempt, calls };
    problems.push(parsed.problem);
    messages.push(
      { role: "assistant", content: result.content.slice(0, 4000) },
      { role: "user", content: `That answer could not be used (${parsed.problem}). Answer again with only this JSON object: ${options.shape}` },
    );
  }
  return { kind: "parse_error", problems, calls };
}
