import { z } from "zod";

/**
 * What the public API answers, as the OpenAPI document publishes it (lib/openapi). The handlers
 * build these bodies from domain functions; tests/integration/public-api-responses.test.ts calls
 * every operation and parses its real body with these schemas, so the document cannot drift from
 * the code. Objects are loose: fields may be added (clients must ignore what they do not know);
 * the listed ones are promised.
 */
const iso = z.string().describe("ISO 8601 timestamp");
const json = z.unknown().describe("Any JSON value");
const money = z.number().nullable().describe("USD; null when the model has no known price");

export const ingestResponse = z.looseObject({
  results: z.array(z.looseObject({
    id: z.string().describe("The event id sent"),
    status: z.number().int().describe("201 stored; 400 invalid (nothing of this event stored)"),
    error: z.looseObject({ code: z.string(), message: z.string() }).optional(),
  })),
});

export const feedbackResponse = z.looseObject({ id: z.string(), value: z.enum(["up", "down"]) });
/** 202: the trace has not arrived; the vote counts once it does (or is dropped after PHAROS_PENDING_FEEDBACK_HOURS). */
export const pendingFeedbackResponse = z.looseObject({ id: z.string(), value: z.enum(["up", "down"]), pending: z.literal(true) });

export const keyProjectResponse = z.looseObject({
  project: z.looseObject({ id: z.string(), name: z.string(), orgId: z.string() }),
  apiKey: z.looseObject({ id: z.string(), publicKey: z.string() }),
});

const metricPoint = z.looseObject({
  count: z.number(), errors: z.number(), errorRate: z.number().nullable(),
  latencyP50: z.number().nullable(), latencyP95: z.number().nullable(), latencyP99: z.number().nullable(),
  ttftP50: z.number().nullable(), ttftP95: z.number().nullable(), cost: z.number(), inputTokens: z.number(), outputTokens: z.number(),
  thumbsUp: z.number(), thumbsDown: z.number(), thumbsUpRate: z.number().nullable(),
});
export const metricsResponse = z.looseObject({
  from: iso, to: iso, bucket: z.string(), source: z.enum(["rollups", "spans"]),
  series: z.array(metricPoint.extend({ time: iso })),
  totals: metricPoint,
  groups: z.array(z.looseObject({ key: z.string(), totals: metricPoint })).optional(),
});

const trace = z.looseObject({
  id: z.string(), name: z.string().nullable(), startTime: iso, endTime: iso, latencyMs: z.number(),
  input: json, output: json, userId: z.string().nullable(), sessionId: z.string().nullable(), environment: z.string().nullable(), release: z.string().nullable(),
  promptName: z.string().nullable(), promptVersion: z.number().int().nullable(), tags: z.array(z.string()), metadata: json,
  spanCount: z.number().int(), llmCount: z.number().int(), errorCount: z.number().int(), status: z.enum(["ok", "error"]),
  usage: z.looseObject({ inputTokens: z.number(), outputTokens: z.number() }), totalCost: money, flags: z.array(z.string()), models: z.array(z.string()),
});
export const traceListResponse = z.looseObject({
  data: z.array(trace.extend({ feedback: z.looseObject({ up: z.number().int(), down: z.number().int() }) })),
  nextCursor: z.string().nullable().describe("Pass as ?cursor= for the next page; null on the last"),
});
const span = z.looseObject({
  id: z.string(), traceId: z.string(), parentId: z.string().nullable(), name: z.string(), kind: z.string(),
  startTime: iso, endTime: iso, model: z.string().nullable(), input: json, output: json, level: z.string(),
  usage: z.looseObject({ inputTokens: z.number().nullable(), outputTokens: z.number().nullable(), totalTokens: z.number().nullable() }),
  cost: z.looseObject({ input: money, output: money, total: money, estimated: z.boolean() }),
  documents: z.array(z.looseObject({
    position: z.number().int().describe("0-based rank in the retriever's answer"), id: z.string().nullable(), content: z.string().nullable(),
    score: z.number().nullable(), metadata: z.record(z.string(), z.unknown()).nullable(),
  })).nullable().describe("Retriever spans: the documents (OpenInference retrieval.documents, gen_ai.retrieval.documents, LangChain/Langfuse, SDK retriever()) in rank order; null otherwise"),
});
const score = z.looseObject({
  id: z.string(), traceId: z.string(), spanId: z.string().nullable(), name: z.string(), dataType: z.string(), source: z.string(),
  value: z.union([z.number(), z.string(), z.boolean(), z.null()]), comment: z.string().nullable(), createdAt: iso,
});
export const traceResponse = trace.extend({ costEstimated: z.boolean(), spans: z.array(span), scores: z.array(score) });

export const promptListResponse = z.looseObject({
  prompts: z.array(z.looseObject({
    name: z.string(), type: z.enum(["text", "chat"]), latestVersion: z.number().int().nullable(),
    labels: z.record(z.string(), z.number().int()).describe("label → version"), tags: z.array(z.string()), updatedAt: iso.nullable(),
  })),
});
export const publishPromptResponse = z.looseObject({
  name: z.string(), version: z.number().int(), created: z.boolean().describe("false: equal to the latest version, nothing saved"),
  changeRequest: z.looseObject({
    id: z.string(), label: z.string(), version: z.number().int(), status: z.string(), mergeable: z.boolean(), approvals: z.number().int(), gate: json,
  }).nullable().optional().describe("With proposeFor: the change request opened"),
  labelAlreadyAtVersion: z.boolean().optional(),
});
export const fetchedPromptResponse = z.looseObject({
  name: z.string(), version: z.number().int(), type: z.enum(["text", "chat"]), template: json, config: json,
  labels: z.array(z.string()).describe("The labels on this version ('latest' included)"), canary: z.boolean().describe("true: the label's canary version was chosen for this stickyKey"),
});

export const createDatasetResponse = z.looseObject({ id: z.string(), name: z.string() });
export const appendItemsResponse = z.looseObject({ datasetId: z.string(), itemIds: z.array(z.string()).describe("In the order of the items sent") });

export const llmConnectionResponse = z.looseObject({
  id: z.string(), name: z.string(), baseUrl: z.string(), hasApiKey: z.boolean(), apiKeyHint: z.string().nullable().describe("…last four characters of long keys"),
  headerNames: z.array(z.string()), models: z.array(z.string()), createdAt: iso, updatedAt: iso,
});

export const startRunResponse = z.looseObject({ id: z.string(), snapshotAt: iso, total: z.number().int().describe("Items in the pinned snapshot") });
export const publicRunResponse = z.looseObject({
  id: z.string(),
  status: z.enum(["queued", "running", "succeeded", "failed", "cancelled"]),
  progress: z.looseObject({ done: z.number().int(), total: z.number().int(), failed: z.number().int(), cost: z.number(), etaMs: z.number().nullable() }),
  summary: z.looseObject({
    passRate: z.number(),
    evaluators: z.record(z.string(), z.looseObject({ mean: z.number().nullable(), passRate: z.number(), required: z.boolean(), met: z.boolean() })),
    latencyP50Ms: z.number().nullable(), latencyP95Ms: z.number().nullable(), cost: z.number(), failures: z.number().int(), judgeErrors: z.number().int(),
  }).nullable().describe("null until the run finishes"),
  passed: z.boolean().nullable().describe("null until the run finishes; a cancelled run never passes"),
  error: z.string().nullable(),
});

const evalUsage = z.looseObject({ calls: z.number().int(), inputTokens: z.number(), outputTokens: z.number(), cost: money, latencyMs: z.number() });
export const ragEvaluationResponse = z.looseObject({
  connection: z.string(), model: z.string(),
  results: z.record(z.string(), z.looseObject({
    type: z.string(),
    status: z.enum(["passed", "failed", "error", "judge_error"]).describe("error: could not score (no context, the model failed or answered without the required JSON twice) — never a score"),
    passed: z.boolean(), score: z.number().nullable().describe("0–1; null when it could not score or does not apply"), threshold: z.number(), reason: z.string(),
    details: json.describe("faithfulness: sentences, statements with verdicts, passages checked; tiered: escalations and cost"), usage: evalUsage.nullable(),
  })).describe("By evaluator key (type, or type_2 for a repeat)"),
  passed: z.boolean().describe("Every evaluator passed"),
  usage: evalUsage.describe("Every provider call, summed and priced"),
});

const onlineEvalRule = z.looseObject({
  id: z.string(), name: z.string(), enabled: z.boolean(), sampleRate: z.number().describe("Percent of matching traces scored"), filter: json,
  evaluator: z.looseObject({ type: z.string() }).describe("{ type, ...params }"), connectionId: z.string().nullable(), model: z.string().nullable(), scoreName: z.string(),
  stats: z.looseObject({
    evaluated: z.number().int(), meanScore: z.number().nullable(), errors: z.number().int(), lastError: z.string().nullable(), lastErrorAt: iso.nullable(), lastRunAt: iso.nullable(),
    judgeCalls: z.number().int(), cost: z.number(),
    escalated: z.number().int().describe("Tiered evaluators: evaluations sent to the strong model"), escalationRate: z.number().nullable(),
  }),
  createdAt: iso, updatedAt: iso,
});
export const onlineEvalRuleResponse = onlineEvalRule;
export const onlineEvalRuleListResponse = z.looseObject({ rules: z.array(onlineEvalRule) });
export const deletedResponse = z.looseObject({ deleted: z.literal(true) });

export const retentionResponse = z.looseObject({
  days: z.number().int().nullable().describe("Days traces are kept; null: forever (the default)"),
  deletesBefore: iso.nullable().describe("The worker's next hourly pass deletes traces (and their spans, scores, inbox items, embeddings) that started before this instant; null when kept forever"),
  oldestTraceAt: iso.nullable().describe("Start of the oldest trace still stored"),
});
export const counterfactualTermsResponse = z.looseObject({
  pairs: z.array(z.looseObject({ category: z.string(), a: z.string(), b: z.string() })),
  isDefault: z.boolean().describe("true: the shipped EN/KO defaults (never saved, or reset with pairs: null)"),
});
export const counterfactualReportResponse = z.looseObject({
  evaluators: z.array(z.string()),
  items: z.number().int(), applicable: z.number().int(), compared: z.number().int(), changed: z.number().int(), errors: z.number().int(),
  unchangedRate: z.number().nullable().describe("Unchanged answers among compared items; null when none was compared"),
  byPair: z.array(z.looseObject({ category: z.string(), pair: z.string(), compared: z.number().int(), changed: z.number().int() })),
  changedItems: z.array(z.looseObject({
    position: z.number().int(), itemId: z.string(), evaluator: z.string(), score: z.number(), threshold: z.number(), reason: z.string(), swaps: z.array(json),
    original: z.looseObject({ input: json, output: json }), swapped: z.looseObject({ input: json, output: json }),
  })),
});

const guardAction = z.enum(["off", "allow", "mask", "block"]);
const guardActions = z.record(z.string(), guardAction).describe("Action per finding type: EMAIL, PHONE, CREDIT_CARD, RRN, API_KEY, IP_ADDRESS, CUSTOM_PATTERN, PROMPT_INJECTION, SYSTEM_PROMPT_LEAK, DENIED_TERM");
const guardPolicy = z.looseObject({
  id: z.string().nullable().describe("null for the built-in policy (not saved)"),
  name: z.string(), description: z.string(), isDefault: z.boolean(), builtIn: z.boolean(),
  input: guardActions, output: guardActions, deniedTerms: z.array(z.string()),
  systemPrompts: z.looseObject({ prompts: z.array(z.string()), texts: z.array(z.string()), minOverlap: z.number() }),
  updatedAt: iso.nullable(),
});
export const guardPolicyResponse = guardPolicy;
export const guardPolicyListResponse = z.looseObject({ policies: z.array(guardPolicy) });
const guardFinding = z.looseObject({
  type: z.string().describe("RRN, EMAIL, PROMPT_INJECTION, SYSTEM_PROMPT_LEAK, DENIED_TERM, or a custom pattern's kind"),
  start: z.number().int().describe("UTF-16 offset (a JavaScript string index) in the text or message content"),
  end: z.number().int(),
  score: z.number().describe("1 for rule matches; the share of a system prompt's word 4-grams echoed for SYSTEM_PROMPT_LEAK"),
  detector: z.string().describe("email, phone, creditCard, rrn, apiKey, ipAddress, customPattern, injection, systemPromptLeak, deniedTerms"),
  action: z.enum(["allow", "mask", "block"]),
  message: z.number().int().optional().describe("With messages: the message index"),
  part: z.number().int().optional().describe("With messages whose content is a list: the part index"),
});
export const guardResponse = z.looseObject({
  verdict: z.enum(["allow", "mask", "block"]),
  policy: z.string(),
  text: z.string().optional().describe("The text with mask findings redacted ([REDACTED:TYPE]); sent with text"),
  messages: z.array(z.looseObject({ role: z.string(), content: json })).optional().describe("The messages, masked likewise; sent with messages"),
  findings: z.array(guardFinding),
  latencyMs: z.number(),
});

const guardrailCounts = { calls: z.number().int(), blocked: z.number().int(), masked: z.number().int(), blockRate: z.number().nullable(), maskRate: z.number().nullable() };
export const guardStatsResponse = z.looseObject({
  totals: z.looseObject(guardrailCounts),
  series: z.array(z.looseObject({ time: iso, ...guardrailCounts })).describe("Buckets with calls, UTC-aligned"),
  byPolicy: z.array(z.looseObject({ policy: z.string(), direction: z.string(), ...guardrailCounts })),
  byType: z.array(z.looseObject({ type: z.string(), count: z.number().int() })),
});
