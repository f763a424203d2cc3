import { RagEvaluations } from "./rag.js";
import { Runs } from "./runs.js";
import { Batcher } from "./batcher.js";
import { createReporter, PharosError } from "./errors.js";
import { sendFeedback, type FeedbackResult } from "./feedback.js";
import { guardCall, type GuardMessage, type GuardOptions, type GuardResult } from "./guard.js";
import { isSampled, newEventId, newTraceId } from "./ids.js";
import { guard, type Emitter } from "./observation.js";
import { resolveOptions, type ResolvedOptions } from "./options.js";
import type { ChatPrompt, Prompt, TextPrompt } from "./prompt.js";
import { type GetPromptOptions, PromptFetcher } from "./prompt-fetcher.js";
import { serializeEvent } from "./serialize.js";
import { Sleeper } from "./time.js";
import { Trace } from "./trace.js";
import { sendBatch } from "./transport.js";
import type { EventType, FeedbackParams, PharosOptions, ScoreParams, TraceParams } from "./types.js";

const MAX_BATCH_BYTES = 3_500_000;

/**
 * The Pharos client: queues trace/span/generation/event/score events and sends them in
 * batches to POST /api/public/ingest. No method throws; problems go to onError.
 */
export class Pharos {
  private readonly options: ResolvedOptions;
  private readonly batcher: Batcher;
  private readonly enabled: boolean;
  private readonly report: (error: PharosError) => void;
  private readonly defaults: { environment?: string; release?: string };
  private readonly prompts: PromptFetcher;
  /** Regression runs for CI: `const run = await pharos.runs.start({...}); const result = await run.wait();` (needs the secret key). */
  readonly runs: Runs;
  /** RAG evaluators on a `{ question, contexts, answer }` triple: `await pharos.rag.evaluate({...})` (needs the secret key). */
  readonly rag: RagEvaluations;

  constructor(options: PharosOptions) {
    const { options: resolved, problems, usable } = resolveOptions(options);
    this.options = resolved;
    this.enabled = usable;
    this.report = createReporter(resolved.onError, [resolved.secretKey, resolved.publicKey]);
    for (const problem of problems) this.report(new PharosError("config", problem));
    this.defaults = { environment: resolved.environment, release: resolved.release };
    this.prompts = new PromptFetcher({
      baseUrl: resolved.baseUrl, secretKey: resolved.secretKey, timeoutMs: resolved.requestTimeoutMs, fetch: resolved.fetch, report: this.report, usable,
    });
    this.runs = new Runs({ baseUrl: resolved.baseUrl, secretKey: resolved.secretKey, timeoutMs: resolved.requestTimeoutMs, fetch: resolved.fetch });
    this.rag = new RagEvaluations({ baseUrl: resolved.baseUrl, secretKey: resolved.secretKey, timeoutMs: resolved.requestTimeoutMs, fetch: resolved.fetch });
    const sleeper = new Sleeper();
    const transport = {
      url: `${resolved.baseUrl}/api/public/ingest`, secretKey: resolved.secretKey, maxRetries: resolved.maxRetries,
      timeoutMs: resolved.requestTimeoutMs, fetch: resolved.fetch, sleeper, report: this.report,
    };
    this.batcher = new Batcher({
      flushAt: resolved.flushAt, flushIntervalMs: resolved.flushIntervalMs, maxQueueSize: resolved.maxQueueSize,
      maxBatchBytes: MAX_BATCH_BYTES, sleeper, report: this.report, send: (events) => sendBatch(events, transport),
    });
  }

  /** Events dropped because the queue was full. */
  get droppedEvents(): number {
    return this.batcher.dropped;
  }

  /** Events waiting to be sent (not counting a batch in flight). */
  get queuedEvents(): number {
    return this.batcher.size;
  }

  /** Starts a trace and sends its trace event; children are sent as they end. */
  trace(params: TraceParams = {}): Trace {
    const p: TraceParams = typeof params === "object" && params !== null ? params : {};
    const id = typeof p.id === "string" && p.id.length > 0 ? p.id : newTraceId();
    const { id: _id, ...rest } = p;
    return guard(this.noopEmitter(), "trace()", () => new Trace(this.emitterFor(id), id, rest), () => new Trace(this.noopEmitter(), id, {}));
  }

  /** Scores a trace (or one of its spans) known only by id, e.g. from an offline eval. */
  score(params: ScoreParams & { traceId: string }): void {
    guard(this.noopEmitter(), "score()", () => {
      const { traceId, ...rest } = params;
      if (typeof traceId !== "string") throw new Error("traceId is required");
      this.emitterFor(traceId).enqueue("score", { ...rest, id: rest.id ?? newEventId(), traceId });
    }, () => undefined);
  }

  /** User feedback (thumbs) as a user_feedback score, sent at once with the public key when set. */
  async feedback(params: FeedbackParams): Promise<FeedbackResult> {
    const result = await sendFeedback(this.options.baseUrl, this.options.publicKey ?? this.options.secretKey, params, this.options.fetch);
    if (!result.ok) this.report(result.error);
    return result;
  }

  /**
   * The prompt version behind a label (default "production") or a fixed version, from an
   * in-process cache revalidated in the background. Rejects only when there is neither a
   * cached copy nor a `fallback`; `prompt.compile(variables)` fills in its variables.
   */
  getPrompt(name: string, options: GetPromptOptions & { type: "chat" }): Promise<ChatPrompt>;
  getPrompt(name: string, options: GetPromptOptions & { type: "text" }): Promise<TextPrompt>;
  getPrompt(name: string, options?: GetPromptOptions): Promise<Prompt>;
  getPrompt(name: string, options: GetPromptOptions = {}): Promise<Prompt> {
    return this.prompts.get(name, options);
  }

  /**
   * Checks a prompt (a text or chat messages) before it goes to the model: POST /api/public/guard
   * with direction "input". Use `result.value` (masked when the policy masks) and refuse when
   * `result.verdict === "block"`. Never throws: when Pharos cannot answer within the timeout the
   * verdict follows `onFailure` ("open": allow, "closed": block) and `result.error` says why.
   */
  guardInput(text: string, options?: GuardOptions): Promise<GuardResult<string>>;
  guardInput(messages: GuardMessage[], options?: GuardOptions): Promise<GuardResult<GuardMessage[]>>;
  guardInput(value: string | GuardMessage[], options: GuardOptions = {}): Promise<GuardResult> {
    return this.guard("input", value, options);
  }

  /** Checks a model's answer before your user sees it (direction "output"): PII, system-prompt leaks, denied terms. As guardInput(). */
  guardOutput(text: string, options?: GuardOptions): Promise<GuardResult<string>>;
  guardOutput(messages: GuardMessage[], options?: GuardOptions): Promise<GuardResult<GuardMessage[]>>;
  guardOutput(value: string | GuardMessage[], options: GuardOptions = {}): Promise<GuardResult> {
    return this.guard("output", value, options);
  }

  private guard(direction: "input" | "output", value: string | GuardMessage[], options: GuardOptions): Promise<GuardResult> {
    const o = this.options;
    if (!this.enabled) {
      const error = new PharosError("config", `guard ${direction}: the client is disabled (see the config errors reported earlier)`);
      this.report(error);
      return Promise.resolve({ verdict: (options.onFailure ?? o.guardFailure) === "closed" ? "block" : "allow", value, findings: [], policy: null, error });
    }
    return guardCall({ baseUrl: o.baseUrl, secretKey: o.secretKey, fetch: o.fetch, timeoutMs: o.guardTimeoutMs, onFailure: o.guardFailure, report: this.report }, direction, value, options);
  }

  /** Sends everything queued, waiting out retries; call it before a serverless function returns. */
  async flush(): Promise<void> {
    try {
      await this.batcher.flush();
    } catch (error) {
      this.report(new PharosError("internal", `flush failed: ${String(error)}`, { cause: error }));
    }
  }

  /** Flushes and stops the flush timer; call once when the process is about to exit. */
  async shutdown(): Promise<void> {
    this.batcher.stop();
    await this.flush();
  }

  private emitterFor(traceId: string): Emitter {
    if (!this.enabled || !isSampled(traceId, this.options.sampleRate)) return this.noopEmitter();
    return { sampled: true, defaults: this.defaults, report: this.report, enqueue: (type, body) => this.enqueue(type, body) };
  }

  private noopEmitter(): Emitter {
    return { sampled: false, defaults: this.defaults, report: this.report, enqueue: () => undefined };
  }

  private enqueue(type: EventType, body: Record<string, unknown>): void {
    const { event, problem } = serializeEvent(newEventId(), type, body);
    if (problem) this.report(new PharosError("serialize", problem));
    this.batcher.push(event);
  }
}
