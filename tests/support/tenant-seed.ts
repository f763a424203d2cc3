// One tenant with a row of every kind, and the route tree as callable targets: shared by the tests that
// walk every route (tenant isolation, the route × role matrix), so a new route segment is mapped once.
import { expect } from "vitest";
import * as rulesRoute from "@/app/api/projects/[projectId]/alerts/route";
import * as itemsRoute from "@/app/api/projects/[projectId]/datasets/[datasetId]/items/route";
import * as invitesRoute from "@/app/api/projects/[projectId]/invites/route";
import * as triageRoute from "@/app/api/projects/[projectId]/triage/route";
import * as viewsRoute from "@/app/api/projects/[projectId]/views/route";
import * as connectionsRoute from "@/app/api/projects/[projectId]/llm-connections/route";
import * as canariesRoute from "@/app/api/projects/[projectId]/prompts/[promptId]/canaries/route";
import * as ingestRoute from "@/app/api/public/ingest/route";
import * as runsRoute from "@/app/api/projects/[projectId]/runs/route";
import * as onlineEvalsRoute from "@/app/api/projects/[projectId]/online-evaluations/route";
import * as queuesRoute from "@/app/api/projects/[projectId]/annotation-queues/route";
import * as queuePairsRoute from "@/app/api/projects/[projectId]/annotation-queues/[queueId]/pairs/route";
import * as guardPoliciesRoute from "@/app/api/projects/[projectId]/guard-policies/route";
import { db } from "@/lib/db";
import { addMember, createKey, createOrgAndProject } from "../factories";
import { createDataset } from "./datasets";
import { sampleTraceEvents } from "./ingest";
import { merge, promptWithVersions, propose, review } from "./prompts";
import { call, type CallOptions } from "./route";
import { HTTP_METHODS, type RouteFile, routeFiles } from "./route-tree";

export type Tenant = Awaited<ReturnType<typeof createOrgAndProject>>;
export type Handler = Parameters<typeof call>[0];
export type Ids = Record<string, string>;

/**
 * One of each kind of row in `t`'s project, made through the API where it has a route:
 * the ids every dynamic route segment is filled with. Keyed by "<static segment>/[<param>]".
 */
export async function seedTenant(t: Tenant): Promise<{ ids: Ids; key: Awaited<ReturnType<typeof createKey>>; traceId: string }> {
  const key = await createKey(t.project);
  const p = { projectId: t.project.id };
  const owner = t.owner.cookie;
  const sample = sampleTraceEvents();
  // Session ids are the SDK's strings: give each tenant its own so A's lookup cannot find an A session of the same name.
  const sessionId = `session-${t.project.id}`;
  (sample.events[0]!.body as { sessionId: string }).sessionId = sessionId;
  expect((await call(ingestRoute.POST, "POST", { authorization: `Bearer ${key.secretKey}`, body: { batch: sample.events } })).status).toBe(207);
  const dataset = await createDataset(t, "golden");
  // Public routes address sets and connections by name: give each tenant names the other lacks.
  const ownSet = await createDataset(t, `own-${t.project.id.slice(-6)}`);
  const connection = await call(connectionsRoute.POST, "POST", { params: p, cookie: owner, body: { name: `conn-${t.project.id.slice(-6)}`, baseUrl: "http://127.0.0.1:9/v1", apiKey: "sk-tenant-secret-key-000" } });
  const item = await call(itemsRoute.POST, "POST", { params: { ...p, datasetId: dataset.id }, cookie: owner, body: { input: { q: "secret question" } } });
  const rule = await call(rulesRoute.POST, "POST", { params: p, cookie: owner, body: { name: "Errors", measure: "error_rate", threshold: 0.5, webhookUrl: "http://127.0.0.1:9/hook" } });
  const triage = await call(triageRoute.POST, "POST", { params: p, cookie: owner, body: { traceId: sample.traceId } });
  const view = await call(viewsRoute.POST, "POST", { params: p, cookie: owner, body: { name: "Errors", query: "status=error" } });
  const invite = await call(invitesRoute.POST, "POST", { params: p, cookie: owner, body: { role: "viewer" } });
  for (const res of [item, rule, triage, view, invite, connection]) expect(res.status, JSON.stringify(res.json)).toBeLessThan(300);
  const member = await addMember(t, "engineer");
  // A prompt with production → v1 through the flow, a pending request for v2 and a canary of v2.
  const admin = await addMember(t, "admin");
  const promptName = `tenant/${t.project.id.slice(-6)}`;
  const promptId = await promptWithVersions(t, t.owner, promptName, 2);
  const merged = (await propose(t, t.owner, promptId, "production", 1)).json.changeRequest.id as string;
  await review(t, admin, promptId, merged, "approve");
  expect((await merge(t, t.owner, promptId, merged)).status).toBe(200);
  const pending = (await propose(t, t.owner, promptId, "production", 2)).json.changeRequest.id as string;
  const canary = await call(canariesRoute.POST, "POST", { params: { ...p, promptId }, cookie: owner, body: { label: "production", version: 2, percent: 10 } });
  expect(canary.status, JSON.stringify(canary.json)).toBe(201);
  // A run that only scores supplied outputs (no provider needed); not executed, so it stays queued.
  const run = await call(runsRoute.POST, "POST", { params: p, cookie: owner, body: { datasetId: dataset.id, outputs: [], evaluators: [{ type: "json_valid" }] } });
  expect(run.status, JSON.stringify(run.json)).toBe(202);
  const onlineEval = await call(onlineEvalsRoute.POST, "POST", { params: p, cookie: owner, body: { name: `rule-${t.project.id.slice(-6)}`, sampleRate: 10, evaluator: { type: "length", max: 100 } } });
  expect(onlineEval.status, JSON.stringify(onlineEval.json)).toBe(201);
  const queue = await call(queuesRoute.POST, "POST", { params: p, cookie: owner, body: { name: "tone", judgmentsPerPair: 2, annotators: [t.owner.user.email] } });
  expect(queue.status, JSON.stringify(queue.json)).toBe(201);
  const pairs = await call(queuePairsRoute.POST, "POST", { params: { ...p, queueId: queue.json.id }, cookie: owner, body: { pairs: [{ prompt: "secret prompt", responseA: "a", responseB: "b" }] } });
  expect(pairs.status, JSON.stringify(pairs.json)).toBe(201);
  const guardPolicy = await call(guardPoliciesRoute.POST, "POST", { params: p, cookie: owner, body: { name: `policy-${t.project.id.slice(-6)}`, description: "secret terms", deniedTerms: ["secret launch"] } });
  expect(guardPolicy.status, JSON.stringify(guardPolicy.json)).toBe(201);
  const report = await db.driftReport.create({
    data: { projectId: t.project.id, field: "input", model: "m", granularity: "day", baseline: "previous", rangeStart: new Date(Date.now() - 86_400_000), rangeEnd: new Date(), alpha: 0.05, status: "done" },
  });
  const ids: Ids = {
    "orgs/[orgId]": t.org.id,
    "alerts/[ruleId]": rule.json.id,
    "api-keys/[apiKeyId]": key.id,
    "datasets/[datasetId]": dataset.id,
    "datasets/[name]": ownSet.name,
    "llm-connections/[connectionId]": connection.json.id,
    "llm-connections/[name]": connection.json.name,
    // The item's stable id (the row id is one version of it).
    "items/[itemId]": item.json.itemId,
    "reports/[reportId]": report.id,
    "clusters/[cluster]": "0",
    "invites/[inviteId]": invite.json.id,
    // The invite link's token (the org-less /api/invites routes).
    "invites/[token]": invite.json.token,
    "members/[userId]": member.user.id,
    "sessions/[sessionId]": sessionId,
    "traces/[traceId]": sample.traceId,
    "triage/[itemId]": triage.json.id,
    "views/[viewId]": view.json.id,
    "prompts/[promptId]": promptId,
    // The public prompt fetch addresses prompts by name (a catch-all: names may hold "/").
    "prompts/[...name]": promptName,
    "versions/[version]": "1",
    "labels/[label]": "production",
    "change-requests/[changeRequestId]": pending,
    "canaries/[canaryId]": canary.json.id,
    "runs/[runId]": run.json.id,
    "online-evaluations/[ruleId]": onlineEval.json.id,
    "online-evaluations/[name]": onlineEval.json.name,
    "annotation-queues/[queueId]": queue.json.id,
    "pairs/[pairId]": pairs.json.pairIds[0],
    "guard-policies/[policyId]": guardPolicy.json.id,
    // The public API addresses guard policies by name too (api/public/guard/policies/[name]).
    "policies/[name]": guardPolicy.json.name,
  };
  for (const [k, v] of Object.entries(ids)) expect(v, k).toEqual(expect.any(String));
  return { ids, key, traceId: sample.traceId };
}

/**
 * A well-formed request for routes that take a body or query, so that a route missing its
 * tenant check would get past validation and act (the snapshot would then see the change).
 */
export const PROJECT_REQUESTS: Record<string, Omit<CallOptions, "params" | "cookie" | "authorization">> = {
  "PATCH api/projects/[projectId]": { body: { name: "pwned" } },
  "POST api/projects/[projectId]/alerts": { body: { name: "x", measure: "error_rate", threshold: 1, webhookUrl: "http://127.0.0.1:9/x" } },
  "PATCH api/projects/[projectId]/alerts/[ruleId]": { body: { threshold: 1 } },
  "POST api/projects/[projectId]/api-keys": { body: { note: "pwned" } },
  "POST api/projects/[projectId]/datasets": { body: { name: "pwned" } },
  "PATCH api/projects/[projectId]/datasets/[datasetId]": { body: { name: "pwned" } },
  "GET api/projects/[projectId]/datasets/[datasetId]/export": { query: { format: "jsonl" } },
  "POST api/projects/[projectId]/datasets/[datasetId]/import": { query: { format: "jsonl" }, rawBody: '{"input":{"q":"pwned"}}\n' },
  "POST api/projects/[projectId]/datasets/[datasetId]/items": { body: { input: { q: "pwned" } } },
  "PATCH api/projects/[projectId]/datasets/[datasetId]/items/[itemId]": { body: { input: { q: "pwned" } } },
  "POST api/projects/[projectId]/invites": { body: { role: "admin" } },
  "POST api/projects/[projectId]/llm-connections": { body: { name: "pwned", baseUrl: "http://127.0.0.1:9/v1" } },
  "PATCH api/projects/[projectId]/llm-connections/[connectionId]": { body: { models: ["pwned"] } },
  "PATCH api/projects/[projectId]/members/[userId]": { body: { role: "viewer" } },
  "POST api/projects/[projectId]/triage/[itemId]/comments": { body: { body: "pwned" } },
  "PATCH api/projects/[projectId]/triage/[itemId]": { body: { status: "ignored" } },
  "POST api/projects/[projectId]/views": { body: { name: "pwned", query: "x=1" } },
  "POST api/orgs/[orgId]/projects": { body: { name: "sneaky" } },
  "POST api/projects/[projectId]/prompts": { body: { name: "pwned", type: "text", template: "pwned" } },
  "GET api/projects/[projectId]/prompts/lookup": { query: { name: "pwned" } },
  "GET api/projects/[projectId]/prompts/[promptId]/diff": { query: { from: "1", to: "2" } },
  "POST api/projects/[projectId]/prompts/[promptId]/compile": { body: { version: 1, variables: { question: "x" } } },
  "POST api/projects/[projectId]/prompts/[promptId]/change-requests": { body: { label: "staging", version: 1 } },
  "POST api/projects/[projectId]/prompts/[promptId]/change-requests/[changeRequestId]/reviews": { body: { verdict: "approve" } },
  "POST api/projects/[projectId]/prompts/[promptId]/labels/[label]/rollback": { body: { version: 1, reason: "pwned" } },
  "POST api/projects/[projectId]/prompts/[promptId]/change-requests/[changeRequestId]/gate-override": { body: { reason: "pwned" } },
  "PUT api/projects/[projectId]/prompts/[promptId]/policies": { body: { label: "production", requiredApprovals: 0 } },
  "DELETE api/projects/[projectId]/prompts/[promptId]/policies": { query: { label: "production" } },
  "PUT api/projects/[projectId]/prompt-policies": { body: { label: "production", requiredApprovals: 0 } },
  "DELETE api/projects/[projectId]/prompt-policies": { query: { label: "production" } },
  "POST api/projects/[projectId]/prompts/[promptId]/canaries": { body: { label: "production", version: 2, percent: 10 } },
  "PUT api/projects/[projectId]/settings/release-webhook": { body: { url: null } },
  "PUT api/projects/[projectId]/settings/counterfactual-terms": { body: { pairs: null } },
  "PUT api/projects/[projectId]/settings/retention": { body: { days: null } },
  "POST api/projects/[projectId]/runs": { body: { dataset: "golden", outputs: [], evaluators: [{ type: "json_valid" }] } },
  "POST api/projects/[projectId]/online-evaluations": { body: { name: "pwned", sampleRate: 100, evaluator: { type: "length", max: 1 } } },
  "PATCH api/projects/[projectId]/online-evaluations/[ruleId]": { body: { enabled: false } },
  "POST api/projects/[projectId]/annotation-queues": { body: { name: "pwned" } },
  "PATCH api/projects/[projectId]/annotation-queues/[queueId]": { body: { name: "pwned" } },
  "POST api/projects/[projectId]/annotation-queues/[queueId]/pairs": { body: { pairs: [{ prompt: "p", responseA: "a", responseB: "b" }] } },
  "POST api/projects/[projectId]/annotation-queues/[queueId]/pairs/from-runs": { body: { runIds: ["r1", "r2"] } },
  "POST api/projects/[projectId]/annotation-queues/[queueId]/pairs/from-traces": { body: { traceIds: ["t1", "t2"] } },
  "POST api/projects/[projectId]/annotation-queues/[queueId]/import": { rawBody: '{"prompt":"p","response_a":"a","response_b":"b"}\n' },
  "POST api/projects/[projectId]/annotation-queues/[queueId]/next": { body: { exclude: [] } },
  "POST api/projects/[projectId]/annotation-queues/[queueId]/judgments": { body: { pairId: "x", pick: "left" } },
  "POST api/projects/[projectId]/annotation-queues/[queueId]/skip": { body: { pairId: "x" } },
  "POST api/projects/[projectId]/annotation-queues/[queueId]/undo": { body: { judgmentId: "x" } },
  "GET api/projects/[projectId]/annotation-queues/[queueId]/export": { query: { format: "dpo" } },
  "PUT api/projects/[projectId]/annotation-queues/[queueId]/pairs/[pairId]/adjudication": { body: { choice: "A" } },
  "PUT api/projects/[projectId]/annotation-queues/[queueId]/pairs/[pairId]/gold": { body: { choice: "A" } },
  "POST api/projects/[projectId]/annotation-queues/[queueId]/items": { body: { traceIds: ["t1"] } },
  "POST api/projects/[projectId]/annotation-queues/[queueId]/ratings": { body: { pairId: "x", scores: { quality: 3 } } },
  "POST api/projects/[projectId]/guard-policies": { body: { name: "pwned", isDefault: true } },
  "PUT api/projects/[projectId]/guard-policies/[policyId]": { body: { name: "pwned", description: "pwned", isDefault: true } },
  "POST api/projects/[projectId]/guard-check": { body: { text: "secret launch", direction: "output", config: {} } },
  "GET api/projects/[projectId]/metrics/guardrails": { query: { from: new Date(Date.now() - 86_400_000).toISOString(), to: new Date(Date.now() + 60_000).toISOString() } },
};

/**
 * Well-formed requests for the public API (secret key). Bodies that can name a trace name `traceId`,
 * so a caller can aim them at another tenant's trace: the key, not the body, must decide the project.
 */
export function publicRequests(traceId: string, callerConnection?: string): Record<string, Omit<CallOptions, "params" | "cookie" | "authorization">> {
  const from = new Date(Date.now() - 86_400_000).toISOString();
  const to = new Date(Date.now() + 60_000).toISOString();
  return {
    "POST api/public/feedback": { body: { traceId, value: "down", comment: "pwned" } },
    "POST api/public/ingest": { body: { batch: sampleTraceEvents({ userId: "pub-user" }).events } },
    "POST api/public/otel/v1/traces": { body: { resourceSpans: [] } },
    "GET api/public/metrics": { query: { from, to } },
    "GET api/public/traces": { query: { from, to } },
    "POST api/public/datasets": { body: { name: "ci set" } },
    "PUT api/public/counterfactual-terms": { body: { pairs: null } },
    "PUT api/public/retention": { body: { days: null } },
    "POST api/public/datasets/[name]/items": { body: { items: [{ input: "pwned" }] } },
    "PUT api/public/llm-connections/[name]": { body: { baseUrl: "http://127.0.0.1:9/v1", apiKey: "sk-pwned" } },
    "POST api/public/prompts": { body: { name: "pwned", type: "text", template: "pwned", proposeFor: "production" } },
    // "golden" exists in every seeded project: the run must start in the key's.
    "POST api/public/runs": { body: { dataset: "golden", outputs: [], evaluators: [{ type: "json_valid" }] } },
    "PUT api/public/online-evaluations/[name]": { body: { sampleRate: 100, evaluator: { type: "length", max: 1 } } },
    // No contexts: faithfulness answers "error" without calling the model. The connection is the caller's own, by name
    // (the walk's PUT may have added a second one); another project's name would be "not found".
    "POST api/public/rag-evaluations": { body: { question: "q", answer: "a", contexts: [], evaluators: [{ type: "faithfulness" }], model: "gpt-4o-mini", ...(callerConnection ? { connection: callerConnection } : {}) } },
    "POST api/public/annotation-queues": { body: { name: "ci queue" } },
    "POST api/public/annotation-queues/[queueId]/pairs": { body: { pairs: [{ prompt: "p", responseA: "a", responseB: "b" }] } },
    "POST api/public/annotation-queues/[queueId]/judgments": { body: { judgments: [{ pairId: "x", annotator: "a@example.test", choice: "A" }] } },
    "GET api/public/annotation-queues/[queueId]/export": { query: { format: "dpo" } },
    // A trace id of the key's own choosing: one naming B's trace would make A's own trace list show B's id, which
    // the leak check here cannot tell from a leak (guard.test.ts shows the span stays in the key's project).
    "POST api/public/guard": { body: { text: "mail a@b.io", direction: "input", context: { traceId: "guard-own-trace" } } },
    "PUT api/public/guard/policies/[name]": { body: { description: "pwned", isDefault: true } },
    "GET api/public/guard/stats": { query: { from, to } },
  };
}

export type Target = { route: RouteFile; method: string; handler: Handler };

export async function targets(under: string): Promise<Target[]> {
  const out: Target[] = [];
  for (const route of await routeFiles(under)) {
    const mod = (await import(route.file)) as Record<string, unknown>;
    for (const method of HTTP_METHODS) if (typeof mod[method] === "function") out.push({ route, method, handler: mod[method] as Handler });
  }
  return out;
}

/** The params for a route: the project and org segments from `project`, every other from `ids`; unmapped segments listed. */
export function paramsFor(route: RouteFile, project: { projectId: string; orgId: string }, ids: Ids, unmapped: Set<string>) {
  const params: Record<string, string | string[]> = {};
  for (const s of route.segments) {
    const value = s.key === "projects/[projectId]" ? project.projectId : s.key === "orgs/[orgId]" ? project.orgId : ids[s.key];
    if (value === undefined) unmapped.add(`${route.route}: ${s.key}`);
    // A catch-all segment (`[...name]`) reaches the handler as the list of its parts.
    else params[s.name] = s.key.includes("[...") ? value.split("/") : value;
  }
  return params;
}
