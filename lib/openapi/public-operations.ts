import { z } from "zod";
import { addPairsBody, createQueueBody, exportQuery as annotationExportQuery, importJudgmentsBody } from "../schemas/annotation";
import { appendItemsBody, createDatasetBody } from "../schemas/datasets";
import { feedbackBody } from "../schemas/feedback";
import { ingestBatchSchema } from "../schemas/ingest";
import { putLlmConnectionBody } from "../schemas/llm-connections";
import { metricsQuery } from "../schemas/metrics";
import { promptFetchQuery } from "../schemas/prompt-fetch";
import { promptListQuery, publicCreatePromptBody } from "../schemas/prompts";
import { startRunBody } from "../schemas/runs";
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
};

/**
 * Every public route and method (app/api/public/**), with the zod schemas its handler validates
 * with. tests: lib/openapi/public-api-document.test.ts fails when a route file exports a method
 * that is not listed here.
 */
export const PUBLIC_OPERATIONS: Operation[] = [
  { method: "post", path: "/api/public/ingest", summary: "A batch of trace/span/generation/event/score events; one result per event", auth: "secret", body: ingestBatchSchema, success: { status: 207, description: "One result per event" } },
  { method: "post", path: "/api/public/otel/v1/traces", summary: "OTLP/HTTP trace export (protobuf or JSON, optionally gzipped)", auth: "secret", rawBody: ["application/x-protobuf", "application/json"], success: { status: 200, description: "OTLP export response" } },
  { method: "post", path: "/api/public/feedback", summary: "Thumbs up/down (+ comment) on a trace or span; public keys allowed", auth: "public", body: feedbackBody, success: { status: 201, description: "{ id, value }" } },
  { method: "options", path: "/api/public/feedback", summary: "CORS preflight for browser feedback", auth: "none", success: { status: 204, description: "CORS headers" } },
  { method: "get", path: "/api/public/projects", summary: "The project a secret key belongs to", auth: "secret", success: { status: 200, description: "{ project, apiKey }" } },
  { method: "get", path: "/api/public/metrics", summary: "Dashboard metrics for the key's project", auth: "secret", query: metricsQuery, success: { status: 200, description: "Metrics" } },
  { method: "get", path: "/api/public/traces", summary: "Newest traces first with filters; keyset pagination via cursor", auth: "secret", query: listTracesQuery, success: { status: 200, description: "A page of traces" } },
  { method: "get", path: "/api/public/traces/{traceId}", summary: "One trace with its spans, usage, cost and scores", auth: "secret", pathParams: { traceId: "Trace id" }, success: { status: 200, description: "The trace" } },
  { method: "get", path: "/api/public/prompts", summary: "The project's prompts with their labels", auth: "secret", query: promptListQuery, success: { status: 200, description: "{ prompts }" } },
  { method: "post", path: "/api/public/prompts", summary: "Create a version from CI; proposeFor opens a change request (and starts the label's run gate)", auth: "secret", body: publicCreatePromptBody, success: { status: 201, description: "{ name, version, created, changeRequest? } (200 when equal to the latest)" } },
  { method: "get", path: "/api/public/prompts/{name}", summary: "The version behind a label (default production) or a version; the name may contain '/'", auth: "secret", pathParams: { name: "Prompt name (folders by '/')" }, query: promptFetchQuery, success: { status: 200, description: "The compiled-ready prompt (ETag; 304 on If-None-Match)" } },
  { method: "post", path: "/api/public/datasets", summary: "Create a golden set", auth: "secret", body: createDatasetBody, success: { status: 201, description: "{ id, name } (409 with the existing id when taken)" } },
  { method: "post", path: "/api/public/datasets/{name}/items", summary: "Add items to the golden set of that name", auth: "secret", pathParams: { name: "Golden set name" }, body: appendItemsBody, success: { status: 201, description: "{ datasetId, itemIds }" } },
  { method: "put", path: "/api/public/llm-connections/{name}", summary: "Create or replace an LLM connection (the key is never returned)", auth: "secret", pathParams: { name: "Connection name" }, body: putLlmConnectionBody, success: { status: 200, description: "The connection without its key (201 when created)" } },
  { method: "post", path: "/api/public/runs", summary: "Start a run: a prompt version × model, or supplied outputs, over the golden set's snapshot now", auth: "secret", body: startRunBody, success: { status: 202, description: "{ id, snapshotAt, total }" } },
  { method: "get", path: "/api/public/runs/{runId}", summary: "A run's status, progress, summary and verdict, for CI to poll", auth: "secret", pathParams: { runId: "Run id" }, success: { status: 200, description: "{ id, status, progress, summary, passed, error }" } },
  { method: "post", path: "/api/public/annotation-queues", summary: "Create an annotation queue of preference pairs (annotators by member email)", auth: "secret", body: createQueueBody, success: { status: 201, description: "{ id, name, judgmentsPerPair } (409 when the name is taken)" } },
  { method: "post", path: "/api/public/annotation-queues/{queueId}/pairs", summary: "Add preference pairs with provenance; one bad pair (named by index) stores none", auth: "secret", pathParams: { queueId: "Annotation queue id" }, body: addPairsBody, success: { status: 201, description: "{ pairIds }" } },
  { method: "post", path: "/api/public/annotation-queues/{queueId}/judgments", summary: "Import judgments made elsewhere; each annotator must be a project member", auth: "secret", pathParams: { queueId: "Annotation queue id" }, body: importJudgmentsBody, success: { status: 201, description: "{ judgmentIds }" } },
  { method: "get", path: "/api/public/annotation-queues/{queueId}/stats", summary: "Cohen's kappa per annotator pair, Krippendorff's alpha, agreement with majority, gold accuracy", auth: "secret", pathParams: { queueId: "Annotation queue id" }, success: { status: 200, description: "Queue statistics" } },
  { method: "get", path: "/api/public/annotation-queues/{queueId}/export", summary: "Decided pairs as TRL JSONL (DPO prompt/chosen/rejected or KTO prompt/completion/label), streamed", auth: "secret", pathParams: { queueId: "Annotation queue id" }, query: annotationExportQuery, success: { status: 200, description: "application/x-ndjson" } },
  { method: "get", path: "/api/public/openapi.json", summary: "This document", auth: "none", success: { status: 200, description: "OpenAPI 3.1 document" } },
];
