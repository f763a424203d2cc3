import { z } from "zod";
import { updateCounterfactualTermsBody } from "../counterfactual/terms";
import { appendItemsBody, createDatasetRequest } from "../schemas/datasets";
import { addPairsBody, createQueueBody, exportQuery as annotationExportQuery, importJudgmentsBody } from "../schemas/annotation";
import { feedbackBody } from "../schemas/feedback";
import { guardBody, putGuardPolicyBody } from "../schemas/guard";
import { ingestBatchSchema } from "../schemas/ingest";
import { putLlmConnectionBody } from "../schemas/llm-connections";
import { guardrailStatsQuery, metricsQuery } from "../schemas/metrics";
import { putOnlineEvalBody } from "../schemas/online-evals";
import { updateRetentionBody } from "../schemas/retention";
import { promptFetchQuery } from "../schemas/prompt-fetch";
import { promptListQuery, publicCreatePromptBody } from "../schemas/prompts";
import { ragEvaluationBody } from "../schemas/rag-evaluations";
import { startRunBody } from "../schemas/runs";
import * as ann from "../schemas/annotation-responses";
import * as res from "../schemas/public-responses";
import { listTracesQuery } from "../schemas/traces";

export type Operation = {
  method: "get" | "post" | "put" | "delete" | "options";
  /** OpenAPI path template, e.g. /api/public/runs/{runId}. */
  path: string;
  summary: string;
  /** "secret" (sk-…), "public" (pk-…, browser-safe) or none. */
  auth: "secret" | "public" | "none";
  /** Path parameters (all strings). */
  pathParams?: Record<string, string>;
  /** The same zod schemas the route handlers validate with. */
  query?: z.ZodType;
  body?: z.ZodType;
  /** A body the handler reads itself (OTLP protobuf or JSON). */
  rawBody?: string[];
  success: { status: number; description: string };
  /** The 2xx JSON body (lib/schemas/public-responses.ts); absent for bodies that are not JSON. */
  response?: z.ZodType;
  /** Other 2xx answers with their own bodies (e.g. feedback's 202 pending). */
  otherSuccess?: { status: number; description: string; response: z.ZodType }[];
};

/**
 * Every public route and method (app/api/public/**), with the zod schemas its handler validates
 * with. tests: lib/openapi/public-api-document.test.ts fails when a route file exports a method
 * that is not listed here.
 */
export const PUBLIC_OPERATIONS: Operation[] = [
  { method: "post", path: "/api/public/ingest", summary: "A batch of trace/span/generation/event/score events; one result per event", auth: "secret", body: ingestBatchSchema, success: { status: 207, description: "One result per event" }, response: res.ingestResponse },
  { method: "post", path: "/api/public/otel/v1/traces", summary: "OTLP/HTTP trace export (protobuf or JSON, optionally gzipped)", auth: "secret", rawBody: ["application/x-protobuf", "application/json"], success: { status: 200, description: "OTLP export response" } },
  { method: "post", path: "/api/public/feedback", summary: "Thumbs up/down (+ comment) on a trace or span; public keys allowed", auth: "public", body: feedbackBody, success: { status: 201, description: "{ id, value }" }, response: res.feedbackResponse, otherSuccess: [{ status: 202, description: "{ id, value, pending: true }: the project has no trace with this id yet; the vote is kept aside and counted when the trace arrives, or dropped after PHAROS_PENDING_FEEDBACK_HOURS (default 24). 429 when the project already holds PHAROS_PENDING_FEEDBACK_MAX pending votes, or this client sent PHAROS_PENDING_FEEDBACK_PER_CLIENT of them within that window.", response: res.pendingFeedbackResponse }] },
  { method: "options", path: "/api/public/feedback", summary: "CORS preflight for browser feedback", auth: "none", success: { status: 204, description: "CORS headers" } },
  { method: "get", path: "/api/public/projects", summary: "The project a secret key belongs to", auth: "secret", success: { status: 200, description: "{ project, apiKey }" }, response: res.keyProjectResponse },
  { method: "get", path: "/api/public/metrics", summary: "Dashboard metrics for the key's project", auth: "secret", query: metricsQuery, success: { status: 200, description: "Metrics" }, response: res.metricsResponse },
  { method: "get", path: "/api/public/traces", summary: "Newest traces first with filters; keyset pagination via cursor", auth: "secret", query: listTracesQuery, success: { status: 200, description: "A page of traces" }, response: res.traceListResponse },
  { method: "get", path: "/api/public/traces/{traceId}", summary: "One trace with its spans, usage, cost and scores", auth: "secret", pathParams: { traceId: "Trace id" }, success: { status: 200, description: "The trace" }, response: res.traceResponse },
  { method: "get", path: "/api/public/prompts", summary: "The project's prompts with their labels", auth: "secret", query: promptListQuery, success: { status: 200, description: "{ prompts }" }, response: res.promptListResponse },
  { method: "post", path: "/api/public/prompts", summary: "Create a version from CI; proposeFor opens a change request (and starts the label's run gate)", auth: "secret", body: publicCreatePromptBody, success: { status: 201, description: "{ name, version, created, changeRequest? } (200 when equal to the latest)" }, response: res.publishPromptResponse },
  { method: "get", path: "/api/public/prompts/{name}", summary: "The version behind a label (default production) or a version; the name may contain '/'", auth: "secret", pathParams: { name: "Prompt name (folders by '/')" }, query: promptFetchQuery, success: { status: 200, description: "The compiled-ready prompt (ETag; 304 on If-None-Match)" }, response: res.fetchedPromptResponse },
  { method: "post", path: "/api/public/datasets", summary: "Create a golden set; with template \"red-team\" import the shipped red-team set into it (idempotent)", auth: "secret", body: createDatasetRequest, success: { status: 201, description: "{ id, name } (409 with the existing id when taken); a template import: { id, name, template: { added, alreadyPresent } }, 200 when the set existed" }, response: res.createDatasetResponse },
  { method: "post", path: "/api/public/datasets/{name}/items", summary: "Add items to the golden set of that name", auth: "secret", pathParams: { name: "Golden set name" }, body: appendItemsBody, success: { status: 201, description: "{ datasetId, itemIds }" }, response: res.appendItemsResponse },
  { method: "put", path: "/api/public/llm-connections/{name}", summary: "Create or replace an LLM connection (the key is never returned)", auth: "secret", pathParams: { name: "Connection name" }, body: putLlmConnectionBody, success: { status: 200, description: "The connection without its key (201 when created)" }, response: res.llmConnectionResponse },
  { method: "post", path: "/api/public/runs", summary: "Start a run: a prompt version × model, or supplied outputs, over the golden set's snapshot now", auth: "secret", body: startRunBody, success: { status: 202, description: "{ id, snapshotAt, total }" }, response: res.startRunResponse },
  { method: "get", path: "/api/public/runs/{runId}", summary: "A run's status, progress, summary and verdict, for CI to poll", auth: "secret", pathParams: { runId: "Run id" }, success: { status: 200, description: "{ id, status, progress, summary, passed, error }" }, response: res.publicRunResponse },
  { method: "post", path: "/api/public/rag-evaluations", summary: "RAG evaluators (faithfulness, answer_relevancy, context_precision, context_recall, conciseness) on one { question, contexts, answer } triple, on the project's LLM connection, for CI checks outside runs", auth: "secret", body: ragEvaluationBody, success: { status: 200, description: "{ results: { <evaluator>: { status, score, passed, reason, details } }, passed, usage }" }, response: res.ragEvaluationResponse },
  { method: "get", path: "/api/public/online-evaluations", summary: "Online evaluation rules with their counters (evaluated, mean score, errors, judge cost)", auth: "secret", success: { status: 200, description: "{ rules }" }, response: res.onlineEvalRuleListResponse },
  { method: "put", path: "/api/public/online-evaluations/{name}", summary: "Create or replace an online evaluation rule: score sampleRate % of new traces matching filter with an evaluator (source eval)", auth: "secret", pathParams: { name: "Rule name" }, body: putOnlineEvalBody, success: { status: 200, description: "The rule (201 when created)" }, response: res.onlineEvalRuleResponse },
  { method: "delete", path: "/api/public/online-evaluations/{name}", summary: "Remove an online evaluation rule (its scores stay)", auth: "secret", pathParams: { name: "Rule name" }, success: { status: 200, description: "{ deleted: true }" }, response: res.deletedResponse },
  { method: "get", path: "/api/public/runs/{runId}/counterfactual", summary: "A run's counterfactual report: items compared, the term swaps that changed the answer (both inputs and outputs)", auth: "secret", pathParams: { runId: "Run id" }, success: { status: 200, description: "{ applicable, compared, changed, unchangedRate, byPair, changedItems }" }, response: res.counterfactualReportResponse },
  { method: "get", path: "/api/public/retention", summary: "How many days the project keeps traces (null: forever), what the next retention pass deletes, the oldest trace", auth: "secret", success: { status: 200, description: "{ days, deletesBefore, oldestTraceAt }" }, response: res.retentionResponse },
  { method: "put", path: "/api/public/retention", summary: "Keep traces { days } days, or { days: null } for forever; the key's creator must be an owner or admin (or the key from headless initialization); audited, applied by the worker within the hour", auth: "secret", body: updateRetentionBody, success: { status: 200, description: "{ days, deletesBefore, oldestTraceAt }" }, response: res.retentionResponse },
  { method: "get", path: "/api/public/counterfactual-terms", summary: "The project's counterfactual term pairs (the shipped EN/KO defaults when never saved)", auth: "secret", success: { status: 200, description: "{ pairs: [{ category, a, b }], isDefault }" }, response: res.counterfactualTermsResponse },
  { method: "put", path: "/api/public/counterfactual-terms", summary: "Replace the counterfactual term pairs ({ pairs: null } restores the defaults); audited; applies to runs started afterwards", auth: "secret", body: updateCounterfactualTermsBody, success: { status: 200, description: "{ pairs, isDefault }" }, response: res.counterfactualTermsResponse },
  { method: "post", path: "/api/public/annotation-queues", summary: "Create an annotation queue of preference pairs (annotators by member email)", auth: "secret", body: createQueueBody, success: { status: 201, description: "{ id, name, judgmentsPerPair } (409 when the name is taken)" }, response: ann.createQueueResponse },
  { method: "post", path: "/api/public/annotation-queues/{queueId}/pairs", summary: "Add preference pairs with provenance; one bad pair (named by index) stores none", auth: "secret", pathParams: { queueId: "Annotation queue id" }, body: addPairsBody, success: { status: 201, description: "{ pairIds }" }, response: ann.addPairsResponse },
  { method: "post", path: "/api/public/annotation-queues/{queueId}/judgments", summary: "Import judgments made elsewhere; each annotator must be a project member", auth: "secret", pathParams: { queueId: "Annotation queue id" }, body: importJudgmentsBody, success: { status: 201, description: "{ judgmentIds }" }, response: ann.importJudgmentsResponse },
  { method: "get", path: "/api/public/annotation-queues/{queueId}/stats", summary: "Cohen's kappa per annotator pair, Krippendorff's alpha, agreement with majority, gold accuracy", auth: "secret", pathParams: { queueId: "Annotation queue id" }, success: { status: 200, description: "Queue statistics" }, response: ann.queueStatsResponse },
  { method: "get", path: "/api/public/annotation-queues/{queueId}/export", summary: "Decided pairs as TRL JSONL (DPO prompt/chosen/rejected or KTO prompt/completion/label), streamed", auth: "secret", pathParams: { queueId: "Annotation queue id" }, query: annotationExportQuery, success: { status: 200, description: "application/x-ndjson" } },
  { method: "post", path: "/api/public/guard", summary: "Check a text or chat messages (an input to or an output of a model) against a guard policy: PII, prompt injection, system-prompt leaks, denied terms; recorded as a guardrail span (joining context.traceId)", auth: "secret", body: guardBody, success: { status: 200, description: "{ verdict: allow | mask | block, text | messages (masked), findings }" }, response: res.guardResponse },
  { method: "get", path: "/api/public/guard/stats", summary: "Guard calls over a range: totals, block and mask rates per bucket and per policy and side, findings by type", auth: "secret", query: guardrailStatsQuery, success: { status: 200, description: "{ totals, series, byPolicy, byType }" }, response: res.guardStatsResponse },
  { method: "get", path: "/api/public/guard/policies", summary: "The project's guard policies, default first (the built-in \"default\" until one of that name is saved)", auth: "secret", success: { status: 200, description: "{ policies }" }, response: res.guardPolicyListResponse },
  { method: "get", path: "/api/public/guard/policies/{name}", summary: "One guard policy", auth: "secret", pathParams: { name: "Policy name" }, success: { status: 200, description: "The policy" }, response: res.guardPolicyResponse },
  { method: "put", path: "/api/public/guard/policies/{name}", summary: "Create or replace a guard policy: an action per finding type for inputs and outputs, denied terms, registered system prompts; isDefault makes it the default; audited", auth: "secret", pathParams: { name: "Policy name" }, body: putGuardPolicyBody, success: { status: 200, description: "The policy (201 when created)" }, response: res.guardPolicyResponse },
  { method: "delete", path: "/api/public/guard/policies/{name}", summary: "Delete a saved guard policy (audited); the built-in \"default\" cannot be deleted (409)", auth: "secret", pathParams: { name: "Policy name" }, success: { status: 200, description: "{ deleted: true }" }, response: res.deletedResponse },
  { method: "get", path: "/api/public/openapi.json", summary: "This document", auth: "none", success: { status: 200, description: "OpenAPI 3.1 document" } },
];
