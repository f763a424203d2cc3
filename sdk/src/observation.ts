import { PharosError } from "./errors.js";
import { newEventId, newSpanId } from "./ids.js";
import { toIso } from "./time.js";
import type { EventParams, EventType, GenerationParams, RetrieverEnd, RetrieverParams, ScoreParams, SpanEnd, SpanParams } from "./types.js";

/** What handles need from the client; sampled-out traces get an emitter that drops everything. */
export type Emitter = {
  readonly sampled: boolean;
  enqueue(type: EventType, body: Record<string, unknown>): void;
  report(error: PharosError): void;
  readonly defaults: { environment?: string; release?: string };
};

/** Runs a public method so that nothing it throws reaches user code. */
export function guard<T>(emitter: Emitter, what: string, fn: () => T, fallback: () => T): T {
  try {
    return fn();
  } catch (error) {
    emitter.report(new PharosError("internal", `${what} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error }));
    return fallback();
  }
}

/** `prompt` (from getPrompt) becomes promptName/promptVersion; the prompt object itself is never sent. */
function linkPrompt<T extends Partial<GenerationParams>>(params: T): Omit<T, "prompt"> {
  const { prompt, ...rest } = params;
  if (typeof prompt !== "object" || prompt === null || prompt.isFallback || typeof prompt.version !== "number") return rest;
  return { ...rest, promptName: rest.promptName ?? prompt.name, promptVersion: rest.promptVersion ?? prompt.version };
}

const asObject = <T extends object>(value: T | undefined | null): Partial<T> => (typeof value === "object" && value !== null ? value : {});

/** Scores, events and child observations hang off both traces and spans. */
export abstract class Parent {
  constructor(
    protected readonly emitter: Emitter,
    readonly traceId: string,
  ) {}

  /** Id of this node as a parent of children (undefined for the trace itself). */
  protected abstract get parentSpanId(): string | undefined;

  span(params: SpanParams): Span {
    return guard(this.emitter, "span()", () => new Span(this.emitter, this.traceId, this.parentSpanId, "span", asObject(params)), () => new Span(this.emitter, this.traceId, undefined, "span", {}));
  }

  generation(params: GenerationParams): Generation {
    return guard(this.emitter, "generation()", () => new Generation(this.emitter, this.traceId, this.parentSpanId, asObject(params)), () => new Generation(this.emitter, this.traceId, undefined, {}));
  }

  /** A retrieval step (kind "retriever"): end it with `{ documents: [{ content, id, score, metadata }] }`, in rank order. */
  retriever(params: RetrieverParams): Retriever {
    return guard(this.emitter, "retriever()", () => new Retriever(this.emitter, this.traceId, this.parentSpanId, asObject(params)), () => new Retriever(this.emitter, this.traceId, undefined, {}));
  }

  /** A point-in-time observation, sent at once. */
  event(params: EventParams): void {
    guard(this.emitter, "event()", () => {
      const p = asObject(params);
      const now = new Date();
      const id = p.id ?? newSpanId();
      this.emitter.enqueue("event", {
        ...this.emitter.defaults, ...p, id, traceId: this.traceId, parentId: this.parentSpanId,
        startTime: toIso(p.startTime, now), endTime: toIso(p.endTime ?? p.startTime, now),
      });
    }, () => undefined);
  }

  score(params: ScoreParams): void {
    guard(this.emitter, "score()", () => {
      const p = asObject(params);
      this.emitter.enqueue("score", { spanId: this.parentSpanId, ...p, id: p.id ?? newEventId(), traceId: this.traceId });
    }, () => undefined);
  }
}

/** A unit of work; sent once, when it ends, because spans are immutable on the server. */
export class Span extends Parent {
  readonly id: string;
  protected readonly startTime: string;
  protected fields: Record<string, unknown>;
  private ended = false;

  constructor(
    emitter: Emitter,
    traceId: string,
    readonly parentId: string | undefined,
    private readonly type: "span" | "generation",
    params: Partial<GenerationParams>,
  ) {
    super(emitter, traceId);
    const { id, startTime, completionStartTime, ...rest } = linkPrompt(params);
    this.id = typeof id === "string" && id.length > 0 ? id : newSpanId();
    this.startTime = toIso(startTime, new Date())!;
    this.fields = { ...rest, completionStartTime: toIso(completionStartTime) };
  }

  protected get parentSpanId(): string {
    return this.id;
  }

  get isEnded(): boolean {
    return this.ended;
  }

  /** Changes fields locally before end(); nothing is sent until then. */
  update(params: SpanEnd): this {
    guard(this.emitter, "update()", () => this.merge(asObject(params)), () => undefined);
    return this;
  }

  end(params: SpanEnd = {}): void {
    guard(this.emitter, "end()", () => {
      if (this.ended) {
        this.emitter.report(new PharosError("invalid", `${this.type} ${this.id} ended twice; the second end() is ignored`));
        return;
      }
      this.ended = true;
      const endTime = toIso(asObject(params).endTime, new Date());
      this.merge(asObject(params));
      this.emitter.enqueue(this.type, {
        ...this.emitter.defaults, ...this.fields, id: this.id, traceId: this.traceId, parentId: this.parentId, startTime: this.startTime, endTime,
      });
    }, () => undefined);
  }

  private merge(params: Partial<SpanEnd>): void {
    const { endTime: _ignored, completionStartTime, ...rest } = linkPrompt(params);
    for (const [k, v] of Object.entries(rest)) if (v !== undefined) this.fields[k] = v;
    if (completionStartTime !== undefined) this.fields.completionStartTime = toIso(completionStartTime);
  }
}

/** A retriever span whose documents become its output. */
export class Retriever extends Span {
  constructor(emitter: Emitter, traceId: string, parentId: string | undefined, params: Partial<RetrieverParams>) {
    const { documents, ...rest } = params;
    super(emitter, traceId, parentId, "span", { ...rest, kind: "retriever", ...(documents !== undefined ? { output: documents } : {}) });
  }

  override update(params: RetrieverEnd): this {
    return super.update(Retriever.fields(params));
  }

  override end(params: RetrieverEnd = {}): void {
    super.end(Retriever.fields(params));
  }

  private static fields(params: RetrieverEnd): SpanEnd {
    const { documents, ...rest } = asObject(params) as RetrieverEnd;
    return { ...rest, kind: "retriever", ...(documents !== undefined ? { output: documents } : {}) };
  }
}

/** An LLM call: model, usage, prompt and time to first token on top of a span. */
export class Generation extends Span {
  constructor(emitter: Emitter, traceId: string, parentId: string | undefined, params: Partial<GenerationParams>) {
    super(emitter, traceId, parentId, "generation", params);
  }
}
