import "server-only";
import { db } from "../db";
import { sqlPool } from "../db-sql-pool";
import { arrivalCutoff, toMicros } from "../embeddings/embedding-progress";
import { AppError } from "../errors";
import { embeddingSettings } from "../drift/embedding-settings";
import { providerEmbedder } from "../embeddings/worker-embedder";
import { type EvaluatorSpec, isRagEvaluator, runEvaluator } from "../evaluators/registry";
import type { AnswerContext } from "../traces/get-answer-context";
import type { EvalContext, EvalResult } from "../evaluators/types";
import { APPLY_TRIAGE_RULES_SQL, applyTriageRulesParams } from "../ingest/sql/apply-triage-rules";
import type { ScoreRow } from "../ingest/rows";
import { resolveLlmEndpoint } from "../llm-connections/resolve-llm-endpoint";
import type { RetryPolicy } from "../llm/retry-policy";
import type { OnlineEvalFilter } from "../schemas/online-evals";
import { type EvalAttempt, insertEvalAttempts } from "./eval-attempt-rows";
import { insertEvalScores } from "./eval-score-rows";
import { pageAnswerContexts } from "./page-answer-contexts";
import { onlineScoreId } from "./sample";
import { type Candidate, type TraceArrival, traceCandidates } from "./trace-candidates";

/** Per-call limits of judge calls; tests shorten them. */
export type JudgeLimits = { timeoutMs?: number; retry?: Partial<RetryPolicy> };
export type RulePassResult = { walked: number; evaluated: number; scored: number; errors: number; stoppedBy: "caught_up" | "budget" | "moved" | "gone" | "unavailable" | "busy" };

const PAGE = 100;
const CONCURRENCY = 4;

/**
 * One pass of one rule: walks the traces that arrived since its watermark (up to the arrival
 * cutoff, which stays below ingest transactions still open), evaluates the sampled ones not yet
 * scored, and per page commits — in one transaction — the scores (deterministic ids, ON
 * CONFLICT DO NOTHING), the inbox rules for those traces (the same SQL ingest runs, so a low
 * eval score opens an item), the counters and the new watermark. A crash between pages loses
 * nothing and doubles nothing: the next pass starts from the last committed page. The page
 * commits only when the watermark is still where this pass read it, so two workers on one
 * rule cannot both count a page. An evaluator that cannot score (judge error, provider
 * failure) writes no score: it is counted on the rule with its reason. Every evaluation, scored
 * or not, leaves an attempt row in the same transaction, so a trace that arrives again (late
 * spans) is never judged twice.
 */
export async function evaluateOnlineRule(options: { projectId: string; ruleId: string; cutoff?: Date; maxEvaluations?: number; limits?: JudgeLimits }): Promise<RulePassResult> {
  // One pass per rule at a time across workers: a second one would judge the same traces and
  // then fail to commit them (the watermark moved), paying the provider and the CPU twice.
  // A session advisory lock, so a dead worker's lock ends with its connection.
  const key = `pharos:online-eval:${options.projectId}:${options.ruleId}`;
  const client = await sqlPool().connect();
  let broken: Error | undefined;
  try {
    const { rows } = await client.query<{ locked: boolean }>(`select pg_try_advisory_lock(hashtextextended($1, 0)) as locked`, [key]);
    if (!rows[0]!.locked) return { walked: 0, evaluated: 0, scored: 0, errors: 0, stoppedBy: "busy" };
    try {
      return await rulePass(options);
    } finally {
      await client.query(`select pg_advisory_unlock(hashtextextended($1, 0))`, [key]).catch((e: Error) => (broken = e));
    }
  } finally {
    // A connection that could not unlock is closed (its lock ends with the session), not pooled.
    client.release(broken);
  }
}

async function rulePass(options: { projectId: string; ruleId: string; cutoff?: Date; maxEvaluations?: number; limits?: JudgeLimits }): Promise<RulePassResult> {
  const { projectId, ruleId } = options;
  const result: RulePassResult = { walked: 0, evaluated: 0, scored: 0, errors: 0, stoppedBy: "caught_up" };
  const rule = await db.onlineEvalRule.findUnique({ where: { projectId_id: { projectId, id: ruleId } } });
  if (!rule || !rule.enabled) return { ...result, stoppedBy: "gone" };
  const before: TraceArrival = options.cutoff ? { us: BigInt(options.cutoff.getTime()) * 1000n, traceId: "" } : { us: (await arrivalCutoff()).us, traceId: "" };
  let after = await readWatermark(projectId, ruleId);
  if (!after) return { ...result, stoppedBy: "gone" };
  const spec = rule.evaluator as unknown as EvaluatorSpec;
  let ctx: EvalContext;
  try {
    ctx = await evalContext(projectId, rule.connectionId, rule.model, options.limits, spec);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    // The rule cannot run at all (its connection was deleted, its key cannot be opened): say so, keep the watermark.
    await db.onlineEvalRule.update({ where: { projectId_id: { projectId, id: ruleId } }, data: { lastError: error.message, lastErrorAt: new Date(), lastRunAt: new Date() } });
    return { ...result, stoppedBy: "unavailable" };
  }
  const budget = options.maxEvaluations ?? 500;
  for (;;) {
    const rag = isRagEvaluator(spec.type);
    const page = await traceCandidates({ projectId, ruleId, sampleRate: rule.sampleRate, filter: rule.filter as OnlineEvalFilter, after, before, limit: PAGE, rag });
    const due = page.filter((c) => c.due);
    const contexts = rag ? await pageAnswerContexts({ projectId, traces: due.map((c) => ({ traceId: c.traceId, startTime: c.startTime, endTime: c.endTime, needsInput: c.traceInput === null })) }) : null;
    const outcomes = await mapLimit(due, CONCURRENCY, (c) => (contexts ? evaluateRag(spec, c, contexts.get(c.traceId), ctx) : runEvaluator(spec, { input: c.input, output: c.output }, ctx)));
    const exhausted = page.length < PAGE;
    const reached = exhausted ? before : page[page.length - 1]!.arrival;
    const committed = await commitPage({ projectId, ruleId, scoreName: rule.scoreName, from: after, to: reached, due, outcomes });
    if (!committed) return { ...result, stoppedBy: committed === null ? "gone" : "moved" };
    result.walked += page.length;
    result.evaluated += due.length;
    result.scored += committed.scored;
    result.errors += committed.errors;
    after = reached;
    if (exhausted) return result;
    if (result.evaluated >= budget) return { ...result, stoppedBy: "budget" };
  }
}

async function evalContext(projectId: string, connectionId: string | null, model: string | null, limits: JudgeLimits = {}, spec?: EvaluatorSpec): Promise<EvalContext> {
  if (!connectionId || !model) return {};
  const { endpoint, overrides } = await resolveLlmEndpoint({ projectId, connectionId });
  const embed = spec?.type === "answer_relevancy" && spec.params.embedder === "provider" ? await projectEmbedder(projectId, limits) : undefined;
  return { judge: { endpoint, model, overrides, timeoutMs: limits.timeoutMs, retry: limits.retry }, ...(embed ? { embed } : {}) };
}

async function projectEmbedder(projectId: string, limits: JudgeLimits): Promise<EvalContext["embed"]> {
  const embedder = await providerEmbedder(projectId, await embeddingSettings({ projectId }), {
    ...(limits.timeoutMs === undefined ? {} : { timeoutMs: limits.timeoutMs }),
    ...(limits.retry?.maxAttempts === undefined ? {} : { maxAttempts: limits.retry.maxAttempts }),
  });
  return embedder ? embedder.embed : undefined;
}

/** A candidate's evaluation outcome: a result, or `skipped` when it turned out not to be a RAG answer (no documents before its LLM span). */
export type Outcome = EvalResult | { skipped: string };

/**
 * A RAG rule evaluates the trace's answer (its last LLM span) against its context: the
 * documents of the retriever spans that started before that span (lib/traces/answer-context.ts),
 * read for the whole page at once (page-answer-contexts.ts; none: the trace is gone).
 * The question is the trace's input when it has one (a RAG call's own input usually carries the
 * passages too), else the LLM span's. A trace whose answer has no documents before it is skipped.
 */
async function evaluateRag(spec: EvaluatorSpec, c: Candidate, context: AnswerContext | undefined, ctx: EvalContext): Promise<Outcome> {
  // Gone since the page was read (retention): nothing to evaluate.
  if (!context) return { skipped: `trace ${c.traceId} not found` };
  const documents = context.documents.filter((d) => d.content !== null);
  if (!context.llmSpanId || documents.length === 0) return { skipped: "not a RAG answer: no retrieved documents before its LLM span" };
  const result = await runEvaluator(spec, {
    input: c.traceInput ?? context.input, output: context.output,
    contexts: documents.map((d) => ({ id: d.id, content: d.content })),
  }, ctx);
  return { ...result, details: { ...result.details, evaluator: spec.type, spanId: context.llmSpanId, documents: documents.map((d) => ({ spanId: d.spanId, position: d.position, id: d.id })) } };
}

async function readWatermark(projectId: string, ruleId: string): Promise<TraceArrival | null> {
  const res = await sqlPool().query<{ us: string; trace_id: string }>(
    `select ${toMicros("watermark_at")} as us, watermark_trace_id as trace_id from online_eval_rules where project_id = $1 and id = $2`, [projectId, ruleId]);
  const row = res.rows[0];
  return row ? { us: BigInt(row.us), traceId: row.trace_id } : null;
}

/** Writes one page; false when another pass moved the watermark meanwhile, null when the rule is gone or disabled. */
async function commitPage(options: { projectId: string; ruleId: string; scoreName: string; from: TraceArrival; to: TraceArrival; due: Candidate[]; outcomes: Outcome[] }) {
  const { projectId, ruleId, due, outcomes } = options;
  const now = new Date();
  const scores: ScoreRow[] = [];
  const details: (string | null)[] = [];
  const failures: string[] = [];
  const attempts: EvalAttempt[] = [];
  let calls = 0;
  let cost = 0;
  due.forEach((c, i) => {
    const r = outcomes[i]!;
    if ("skipped" in r) return;
    calls += r.usage?.calls ?? 0;
    cost += r.usage?.cost ?? 0;
    // An evaluator that does not apply (an empty answer) passes with no score: no score, nothing failed, but evaluated.
    if (r.status === "passed" && r.score === null) {
      attempts.push({ traceId: c.traceId, status: "not_applicable", error: null });
      return;
    }
    if (r.score === null || r.status === "error" || r.status === "judge_error") {
      failures.push(`trace ${c.traceId}: ${r.reason}`);
      attempts.push({ traceId: c.traceId, status: "error", error: r.reason });
      return;
    }
    attempts.push({ traceId: c.traceId, status: "scored", error: null });
    const spanId = typeof r.details?.spanId === "string" ? r.details.spanId : c.spanId;
    scores.push({
      projectId, id: onlineScoreId(ruleId, c.traceId), traceId: c.traceId, spanId, name: options.scoreName, numberValue: r.score,
      stringValue: null, dataType: "NUMERIC", source: "eval", comment: r.reason.slice(0, 1000), createdAt: now,
    });
    details.push(r.details && "evaluator" in r.details ? JSON.stringify(r.details) : null);
  });
  const client = await sqlPool().connect();
  try {
    await client.query("begin");
    const lock = await client.query<{ us: string; trace_id: string; enabled: boolean }>(
      `select ${toMicros("watermark_at")} as us, watermark_trace_id as trace_id, enabled from online_eval_rules where project_id = $1 and id = $2 for update`, [projectId, ruleId]);
    const row = lock.rows[0];
    if (!row || !row.enabled) {
      await client.query("rollback");
      return null;
    }
    if (BigInt(row.us) !== options.from.us || row.trace_id !== options.from.traceId) {
      await client.query("rollback");
      return false;
    }
    const inserted = await insertEvalScores(client, scores, details);
    // Errors are counted by the attempts actually inserted: a trace already attempted is never counted twice.
    const attempted = await insertEvalAttempts(client, { projectId, ruleId, attempts, at: now });
    const triage = applyTriageRulesParams({ spans: [], scores });
    if (triage) await client.query(APPLY_TRIAGE_RULES_SQL, triage);
    await client.query(
      `update online_eval_rules set watermark_at = ('epoch'::timestamptz + $3::bigint * interval '1 microsecond'), watermark_trace_id = $4,
         evaluated_count = evaluated_count + $5, score_sum = score_sum + $6, error_count = error_count + $7,
         last_error = coalesce($8, last_error), last_error_at = case when $8::text is null then last_error_at else now() end,
         judge_calls = judge_calls + $9, cost_total = cost_total + $10::numeric, escalated_count = escalated_count + $11, last_run_at = now()
       where project_id = $1 and id = $2`,
      [projectId, ruleId, options.to.us.toString(), options.to.traceId, inserted.n, inserted.sum, attempted.errors, failures.at(-1)?.slice(0, 2000) ?? null, calls, cost.toFixed(10), inserted.escalated],
    );
    await client.query("commit");
    return { scored: inserted.n, errors: attempted.errors };
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Runs `fn` over `items` with at most `limit` at once, results in input order. */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  }));
  return out;
}
