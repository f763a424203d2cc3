import { PharosError, describe } from "./errors.js";
import type { FetchLike } from "./types.js";

/** An evaluator as POST /api/public/runs takes it: `{ type, ...params, threshold?, required?, minPassRate? }`. */
export type RunEvaluator = { type: "exact_match" | "contains" | "regex" | "json_valid" | "json_schema" | "numeric" | "length" | "embedding_similarity" | "llm_judge" | "self_consistency" | (string & {}); [param: string]: unknown };

export type StartRunParams = {
  /** The golden set's name. */
  dataset: string;
  /** Pharos calls the model with this prompt version (or the version a label points at now)… */
  prompt?: { name: string; label?: string; version?: number };
  /** …or only scores outputs you produced: one per item id of the set. */
  outputs?: { itemId: string; output: unknown }[];
  connection?: string;
  model?: string;
  modelConfig?: Record<string, unknown>;
  evaluators: RunEvaluator[];
  /** 0–1 (default 1): the run passes when its pass rate reaches this and every required evaluator its minimum. */
  minPassRate?: number;
  concurrency?: number;
};

export type RunStatus = "queued" | "running" | "succeeded" | "failed" | "cancelled";
/** GET /api/public/runs/{id}. */
export type PublicRun = {
  id: string;
  status: RunStatus;
  progress: { done: number; total: number; failed: number; cost: number; etaMs: number | null };
  summary: null | {
    passRate: number;
    evaluators: Record<string, {
      mean: number | null; passRate: number | null; required: boolean; met: boolean | null;
      /** A tiered llm_judge (with `escalation`): escalations, and its cost against judging every item with the strong model (null: a model has no price). */
      tiered?: { judged: number; escalated: number; escalationRate: number; cost: number | null; strongOnlyCost: number | null; costSaved: number | null };
      /** self_consistency: items whose samples disagreed. */
      flagged?: number;
    }>;
    latencyP50Ms: number | null; latencyP95Ms: number | null; cost: number; failures: number; judgeErrors: number;
  };
  /** null until the run has finished. */
  passed: boolean | null;
  error: string | null;
};
export type WaitOptions = { intervalMs?: number; timeoutMs?: number };

const FINISHED: ReadonlySet<RunStatus> = new Set(["succeeded", "failed", "cancelled"]);

export type Http = { baseUrl: string; secretKey: string; timeoutMs: number; fetch: FetchLike };

export async function request<T>(http: Http, method: string, path: string, body?: unknown): Promise<T> {
  let res;
  try {
    res = await http.fetch(`${http.baseUrl}${path}`, {
      method, headers: { authorization: `Bearer ${http.secretKey}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }), signal: AbortSignal.timeout(http.timeoutMs),
    });
  } catch (error) {
    throw new PharosError("network", `${method} ${path} failed: ${describe(error)}`, { cause: error });
  }
  const text = await res.text();
  if (res.status < 200 || res.status >= 300) {
    let message = text.slice(0, 500);
    try {
      message = (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? message;
    } catch {
      // not JSON: keep the text
    }
    throw new PharosError(res.status === 404 ? "not_found" : "http", `${method} ${path}: HTTP ${res.status} ${message}`, { status: res.status });
  }
  return JSON.parse(text) as T;
}

/** A started run: poll it with `wait()`; `passed` is its verdict once finished (null before). */
export class RunHandle {
  readonly id: string;
  /** The last state fetched (null until the first `refresh()` or `wait()`). */
  last: PublicRun | null = null;
  private readonly http: Http;

  constructor(http: Http, id: string) {
    this.http = http;
    this.id = id;
  }

  get passed(): boolean | null {
    return this.last?.passed ?? null;
  }

  async refresh(): Promise<PublicRun> {
    this.last = await request<PublicRun>(this.http, "GET", `/api/public/runs/${encodeURIComponent(this.id)}`);
    return this.last;
  }

  /** Polls until the run is succeeded, failed or cancelled and resolves with it; throws a "timeout" PharosError after timeoutMs (default 30 min). */
  async wait(options: WaitOptions = {}): Promise<PublicRun> {
    const intervalMs = options.intervalMs ?? 2_000;
    const deadline = Date.now() + (options.timeoutMs ?? 30 * 60_000);
    for (;;) {
      const run = await this.refresh();
      if (FINISHED.has(run.status)) return run;
      if (Date.now() + intervalMs > deadline) throw new PharosError("timeout", `run ${this.id} still ${run.status} (${run.progress.done}/${run.progress.total}) after ${options.timeoutMs ?? 30 * 60_000} ms`);
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  }
}

/** `pharos.runs`: regression runs for CI. Unlike tracing, these throw a PharosError: a CI step should fail loudly. */
export class Runs {
  private readonly http: Http;
  constructor(http: Http) {
    this.http = http;
  }

  /** POST /api/public/runs. A bad request (unknown dataset or evaluator, outputs for items not in the set) throws with the server's message naming the field. */
  async start(params: StartRunParams): Promise<RunHandle> {
    const { id } = await request<{ id: string }>(this.http, "POST", "/api/public/runs", params);
    return new RunHandle(this.http, id);
  }

  /** A handle on a run started elsewhere. */
  get(id: string): RunHandle {
    return new RunHandle(this.http, id);
  }
}
