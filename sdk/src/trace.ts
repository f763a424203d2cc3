import { guard, Parent, type Emitter } from "./observation.js";
import type { TraceUpdate } from "./types.js";

/**
 * A trace handle. Trace events merge on the server, so update() can be called any number
 * of times (later non-null fields win, tags and metadata accumulate).
 */
export class Trace extends Parent {
  constructor(emitter: Emitter, traceId: string, params: TraceUpdate) {
    super(emitter, traceId);
    this.send(params);
  }

  get id(): string {
    return this.traceId;
  }

  /** False when sampling dropped this trace: nothing under it is sent. */
  get sampled(): boolean {
    return this.emitter.sampled;
  }

  protected get parentSpanId(): undefined {
    return undefined;
  }

  update(params: TraceUpdate): this {
    guard(this.emitter, "trace.update()", () => this.send(params), () => undefined);
    return this;
  }

  private send(params: TraceUpdate): void {
    const p = typeof params === "object" && params !== null ? params : {};
    this.emitter.enqueue("trace", { ...this.emitter.defaults, ...p, id: this.traceId });
  }
}
