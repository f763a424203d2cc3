// The route × role matrix: who may reach each route's handler. route-role-matrix.test.ts calls every
// method of every route.ts under app/api as each identity below and fails on any difference, on a
// route this table lacks, and on an entry whose route is gone: a new route ships with a decision here.
//
// "allow" means the handler ran (any answer but a refusal: 2xx, 3xx, or a 400/404/409 from the
// handler itself); everyone a policy does not list must be refused (401, 403, or the 404 that hides
// another tenant's project, another org, or a queue the member is not assigned to).
// The presets mirror lib/auth/permissions.ts; a route's entry names the policy it enforces.
import type { Role } from "@/lib/auth/permissions";

/**
 * Who calls: nobody; a member of the project's org with each role (session cookie); the owner of
 * another org's project ("other", same cookie kind, wrong tenant); the project's public key (pk-…)
 * and secret key (sk-…) as `Authorization: Bearer`.
 */
export type Identity = "anonymous" | Role | "other" | "pk" | "sk";
export const IDENTITIES: Identity[] = ["anonymous", "owner", "admin", "engineer", "pm", "annotator", "viewer", "other", "pk", "sk"];

/** The identities allowed; every other is refused. Or a route the in-process walk cannot call, with why. */
export type Policy = readonly Identity[] | { outOfProcess: string };

const ANYONE: Policy = IDENTITIES;
const NOBODY: Policy = [];
/** Any session, whatever its org. */
const SIGNED_IN: Policy = ["owner", "admin", "engineer", "pm", "annotator", "viewer", "other"];
/** project:read — every role, annotators included. */
const MEMBERS: Policy = ["owner", "admin", "engineer", "pm", "annotator", "viewer"];
/** traces:read, dashboards:read, datasets:read, prompts:read, runs:read, settings:read… — all but annotators. */
const READERS: Policy = ["owner", "admin", "engineer", "pm", "viewer"];
/** alerts:manage, views:manage, prompts:review — readers who act, but not viewers. */
const PLANNERS: Policy = ["owner", "admin", "engineer", "pm"];
/** datasets:update, runs:start, prompts:propose, apiKeys:*, triage:*, drift:manage, annotation:manage, llmConnections:manage… */
const ENGINEERS: Policy = ["owner", "admin", "engineer"];
/** project:update, members:manage, audit:read, prompts:rollback, prompts:configure, project:create. */
const ADMINS: Policy = ["owner", "admin"];
/** An annotation queue: leads (annotation:manage) see every queue, others only those they are assigned to (the walk assigns the owner and the annotator). */
const QUEUE_VIEWERS: Policy = ["owner", "admin", "engineer", "annotator"];
/** Judging in a queue: assigned, and annotation:judge (or a lead who assigned themselves); unassigned leads are refused. */
const QUEUE_ANNOTATORS: Policy = ["owner", "annotator"];
/**
 * Approving a change to the seeded production label: its policy lets owners and admins approve and
 * forbids self-approval, and the owner wrote the change (prompts:review only lets a member reach the route).
 */
const PRODUCTION_APPROVERS: Policy = ["admin"];
/** The public API: a secret key only (a public key is refused with 403). */
const SECRET_KEY: Policy = ["sk"];
/** Browser-safe feedback: either key. */
const ANY_KEY: Policy = ["pk", "sk"];

export const EXPECTED: Record<string, Policy> = {
  // next-auth's handler reads next/headers, which exists only inside a Next request: covered by the e2e sign-in tests.
  "GET api/auth/[...nextauth]": { outOfProcess: "next-auth needs Next's request scope (next/headers)" },
  "POST api/auth/[...nextauth]": { outOfProcess: "next-auth needs Next's request scope (next/headers)" },
  "POST api/auth/sign-up": ANYONE,
  "POST api/auth/verify-email": ANYONE,

  "GET api/health": ANYONE,

  // The token is the capability: the invite page shows its offer before sign-in.
  "GET api/invites/[token]": ANYONE,
  // Any account, another org's owner included: the link is the invitation (single use; "other" joins here).
  "POST api/invites/[token]/accept": SIGNED_IN,

  // The operator's scrape token (PHAROS_METRICS_TOKEN) only: no session or project key.
  "GET api/metrics": NOBODY,

  "GET api/orgs": SIGNED_IN,
  // Any signed-in user may start an org of their own.
  "POST api/orgs": SIGNED_IN,
  "POST api/orgs/[orgId]/projects": ADMINS,

  "GET api/projects/[projectId]": MEMBERS,
  "PATCH api/projects/[projectId]": ADMINS,

  // Readers see rules with webhook URLs masked; alerts:manage (pm and up) sees and edits them.
  "GET api/projects/[projectId]/alerts": READERS,
  "POST api/projects/[projectId]/alerts": PLANNERS,
  "PATCH api/projects/[projectId]/alerts/[ruleId]": PLANNERS,
  "DELETE api/projects/[projectId]/alerts/[ruleId]": PLANNERS,
  "POST api/projects/[projectId]/alerts/[ruleId]/test": PLANNERS,
  "GET api/projects/[projectId]/alerts/events": READERS,

  "GET api/projects/[projectId]/annotation-queues": MEMBERS,
  "POST api/projects/[projectId]/annotation-queues": ENGINEERS,
  "GET api/projects/[projectId]/annotation-queues/[queueId]": QUEUE_VIEWERS,
  "PATCH api/projects/[projectId]/annotation-queues/[queueId]": ENGINEERS,
  "GET api/projects/[projectId]/annotation-queues/[queueId]/disagreements": ENGINEERS,
  "GET api/projects/[projectId]/annotation-queues/[queueId]/export": ENGINEERS,
  "POST api/projects/[projectId]/annotation-queues/[queueId]/import": ENGINEERS,
  "POST api/projects/[projectId]/annotation-queues/[queueId]/items": ENGINEERS,
  "POST api/projects/[projectId]/annotation-queues/[queueId]/judgments": QUEUE_ANNOTATORS,
  "POST api/projects/[projectId]/annotation-queues/[queueId]/next": QUEUE_ANNOTATORS,
  "GET api/projects/[projectId]/annotation-queues/[queueId]/pairs": ENGINEERS,
  "POST api/projects/[projectId]/annotation-queues/[queueId]/pairs": ENGINEERS,
  "PUT api/projects/[projectId]/annotation-queues/[queueId]/pairs/[pairId]/adjudication": ENGINEERS,
  "PUT api/projects/[projectId]/annotation-queues/[queueId]/pairs/[pairId]/gold": ENGINEERS,
  "POST api/projects/[projectId]/annotation-queues/[queueId]/pairs/from-runs": ENGINEERS,
  "POST api/projects/[projectId]/annotation-queues/[queueId]/pairs/from-traces": ENGINEERS,
  "POST api/projects/[projectId]/annotation-queues/[queueId]/ratings": QUEUE_ANNOTATORS,
  "POST api/projects/[projectId]/annotation-queues/[queueId]/skip": QUEUE_ANNOTATORS,
  "GET api/projects/[projectId]/annotation-queues/[queueId]/stats": ENGINEERS,
  "POST api/projects/[projectId]/annotation-queues/[queueId]/undo": QUEUE_ANNOTATORS,

  "GET api/projects/[projectId]/api-keys": ENGINEERS,
  "POST api/projects/[projectId]/api-keys": ENGINEERS,
  "DELETE api/projects/[projectId]/api-keys/[apiKeyId]": ENGINEERS,

  "GET api/projects/[projectId]/audit": ADMINS,

  "GET api/projects/[projectId]/datasets": READERS,
  "POST api/projects/[projectId]/datasets": ENGINEERS,
  "GET api/projects/[projectId]/datasets/[datasetId]": READERS,
  "PATCH api/projects/[projectId]/datasets/[datasetId]": ENGINEERS,
  "DELETE api/projects/[projectId]/datasets/[datasetId]": ENGINEERS,
  "GET api/projects/[projectId]/datasets/[datasetId]/export": READERS,
  "POST api/projects/[projectId]/datasets/[datasetId]/import": ENGINEERS,
  "GET api/projects/[projectId]/datasets/[datasetId]/items": READERS,
  "POST api/projects/[projectId]/datasets/[datasetId]/items": ENGINEERS,
  "PATCH api/projects/[projectId]/datasets/[datasetId]/items/[itemId]": ENGINEERS,
  "DELETE api/projects/[projectId]/datasets/[datasetId]/items/[itemId]": ENGINEERS,
  "GET api/projects/[projectId]/datasets/[datasetId]/items/[itemId]/history": READERS,
  "POST api/projects/[projectId]/datasets/promote": ENGINEERS,

  "GET api/projects/[projectId]/drift": READERS,
  "GET api/projects/[projectId]/drift/reports": READERS,
  "POST api/projects/[projectId]/drift/reports": ENGINEERS,
  "GET api/projects/[projectId]/drift/reports/[reportId]": READERS,
  "POST api/projects/[projectId]/drift/reports/[reportId]/clusters/[cluster]/inbox": ENGINEERS,
  // The embedding provider's settings are read by those who change them (drift:manage), unlike other settings.
  "GET api/projects/[projectId]/drift/settings": ENGINEERS,
  "PUT api/projects/[projectId]/drift/settings": ENGINEERS,

  "GET api/projects/[projectId]/invites": ADMINS,
  "POST api/projects/[projectId]/invites": ADMINS,
  "DELETE api/projects/[projectId]/invites/[inviteId]": ADMINS,

  "GET api/projects/[projectId]/llm-connections": READERS,
  "POST api/projects/[projectId]/llm-connections": ENGINEERS,
  "GET api/projects/[projectId]/llm-connections/[connectionId]": READERS,
  "PATCH api/projects/[projectId]/llm-connections/[connectionId]": ENGINEERS,
  "DELETE api/projects/[projectId]/llm-connections/[connectionId]": ENGINEERS,
  "POST api/projects/[projectId]/llm-connections/[connectionId]/test": ENGINEERS,

  // Guard policies: readers see them (settings:read) and may try a text against a draft (nothing is
  // saved or recorded); guard:configure (engineers and up) saves and deletes.
  "GET api/projects/[projectId]/guard-policies": READERS,
  "POST api/projects/[projectId]/guard-policies": ENGINEERS,
  "PUT api/projects/[projectId]/guard-policies/[policyId]": ENGINEERS,
  "DELETE api/projects/[projectId]/guard-policies/[policyId]": ENGINEERS,
  "POST api/projects/[projectId]/guard-check": READERS,

  "GET api/projects/[projectId]/members": READERS,
  "PATCH api/projects/[projectId]/members/[userId]": ADMINS,
  "DELETE api/projects/[projectId]/members/[userId]": ADMINS,

  "GET api/projects/[projectId]/metrics": READERS,
  "GET api/projects/[projectId]/metrics/eval-scores": READERS,
  "GET api/projects/[projectId]/metrics/guardrails": READERS,
  "GET api/projects/[projectId]/metrics/feedback": READERS,
  "GET api/projects/[projectId]/metrics/top-users": READERS,

  "GET api/projects/[projectId]/online-evaluations": READERS,
  "POST api/projects/[projectId]/online-evaluations": ENGINEERS,
  "PATCH api/projects/[projectId]/online-evaluations/[ruleId]": ENGINEERS,
  "DELETE api/projects/[projectId]/online-evaluations/[ruleId]": ENGINEERS,

  "GET api/projects/[projectId]/prompt-policies": READERS,
  "PUT api/projects/[projectId]/prompt-policies": ADMINS,
  "DELETE api/projects/[projectId]/prompt-policies": ADMINS,

  "GET api/projects/[projectId]/prompts": READERS,
  "POST api/projects/[projectId]/prompts": ENGINEERS,
  "GET api/projects/[projectId]/prompts/[promptId]": READERS,
  "GET api/projects/[projectId]/prompts/[promptId]/canaries": READERS,
  "POST api/projects/[projectId]/prompts/[promptId]/canaries": ENGINEERS,
  "GET api/projects/[projectId]/prompts/[promptId]/canaries/[canaryId]": READERS,
  "POST api/projects/[projectId]/prompts/[promptId]/canaries/[canaryId]/end": ENGINEERS,
  "POST api/projects/[projectId]/prompts/[promptId]/canaries/[canaryId]/promote": ENGINEERS,
  "GET api/projects/[projectId]/prompts/[promptId]/change-requests": READERS,
  "POST api/projects/[projectId]/prompts/[promptId]/change-requests": ENGINEERS,
  "GET api/projects/[projectId]/prompts/[promptId]/change-requests/[changeRequestId]": READERS,
  "POST api/projects/[projectId]/prompts/[promptId]/change-requests/[changeRequestId]/close": PLANNERS,
  "POST api/projects/[projectId]/prompts/[promptId]/change-requests/[changeRequestId]/gate-override": ADMINS,
  "POST api/projects/[projectId]/prompts/[promptId]/change-requests/[changeRequestId]/merge": ENGINEERS,
  "POST api/projects/[projectId]/prompts/[promptId]/change-requests/[changeRequestId]/rebase": ENGINEERS,
  "POST api/projects/[projectId]/prompts/[promptId]/change-requests/[changeRequestId]/reviews": PRODUCTION_APPROVERS,
  // A POST that writes nothing: fills a version's variables for "try it".
  "POST api/projects/[projectId]/prompts/[promptId]/compile": READERS,
  "GET api/projects/[projectId]/prompts/[promptId]/diff": READERS,
  "GET api/projects/[projectId]/prompts/[promptId]/labels/[label]": READERS,
  "POST api/projects/[projectId]/prompts/[promptId]/labels/[label]/rollback": ADMINS,
  "GET api/projects/[projectId]/prompts/[promptId]/metrics": READERS,
  "GET api/projects/[projectId]/prompts/[promptId]/policies": READERS,
  "PUT api/projects/[projectId]/prompts/[promptId]/policies": ADMINS,
  "DELETE api/projects/[projectId]/prompts/[promptId]/policies": ADMINS,
  "GET api/projects/[projectId]/prompts/[promptId]/versions/[version]": READERS,
  "GET api/projects/[projectId]/prompts/lookup": READERS,

  "GET api/projects/[projectId]/runs": READERS,
  "POST api/projects/[projectId]/runs": ENGINEERS,
  "GET api/projects/[projectId]/runs/[runId]": READERS,
  "POST api/projects/[projectId]/runs/[runId]/cancel": ENGINEERS,
  "GET api/projects/[projectId]/runs/[runId]/counterfactual": READERS,
  "GET api/projects/[projectId]/runs/[runId]/items": READERS,
  "GET api/projects/[projectId]/runs/compare": READERS,
  "GET api/projects/[projectId]/runs/compare/pairs.jsonl": READERS,

  "GET api/projects/[projectId]/sessions": READERS,
  "GET api/projects/[projectId]/sessions/[sessionId]": READERS,

  "GET api/projects/[projectId]/settings/counterfactual-terms": READERS,
  "PUT api/projects/[projectId]/settings/counterfactual-terms": ENGINEERS,
  "GET api/projects/[projectId]/settings/retention": READERS,
  // Retention deletes traces: owners and admins (retention:configure).
  "PUT api/projects/[projectId]/settings/retention": ADMINS,
  "GET api/projects/[projectId]/settings/ingest": READERS,
  "PUT api/projects/[projectId]/settings/ingest": ADMINS,
  // The release webhook URL is a bearer secret: prompts:configure to read it too.
  "GET api/projects/[projectId]/settings/release-webhook": ADMINS,
  "PUT api/projects/[projectId]/settings/release-webhook": ADMINS,
  "POST api/projects/[projectId]/settings/release-webhook/test": ADMINS,
  "GET api/projects/[projectId]/settings/triage": READERS,
  "PUT api/projects/[projectId]/settings/triage": ENGINEERS,

  "GET api/projects/[projectId]/trace-filter-options": READERS,

  "GET api/projects/[projectId]/traces": READERS,
  "GET api/projects/[projectId]/traces/[traceId]": READERS,

  "GET api/projects/[projectId]/triage": READERS,
  "POST api/projects/[projectId]/triage": ENGINEERS,
  "GET api/projects/[projectId]/triage/[itemId]": READERS,
  "PATCH api/projects/[projectId]/triage/[itemId]": ENGINEERS,
  "POST api/projects/[projectId]/triage/[itemId]/comments": ENGINEERS,
  "POST api/projects/[projectId]/triage/bulk": ENGINEERS,

  "GET api/projects/[projectId]/views": READERS,
  "POST api/projects/[projectId]/views": PLANNERS,
  "DELETE api/projects/[projectId]/views/[viewId]": PLANNERS,

  "POST api/public/annotation-queues": SECRET_KEY,
  "GET api/public/annotation-queues/[queueId]/export": SECRET_KEY,
  "POST api/public/annotation-queues/[queueId]/judgments": SECRET_KEY,
  "POST api/public/annotation-queues/[queueId]/pairs": SECRET_KEY,
  "GET api/public/annotation-queues/[queueId]/stats": SECRET_KEY,
  "GET api/public/retention": SECRET_KEY,
  // The walk's key has no creator (made like a headless-init key): allowed. A key made by an engineer is refused (retention.test.ts).
  "PUT api/public/retention": SECRET_KEY,
  "GET api/public/counterfactual-terms": SECRET_KEY,
  "PUT api/public/counterfactual-terms": SECRET_KEY,
  "POST api/public/datasets": SECRET_KEY,
  "POST api/public/datasets/[name]/items": SECRET_KEY,
  // The only route a browser-safe public key reaches.
  "POST api/public/feedback": ANY_KEY,
  // A CORS preflight carries no credentials; the POST that follows checks key and origin.
  "OPTIONS api/public/feedback": ANYONE,
  "POST api/public/ingest": SECRET_KEY,
  // Inline guardrails: the guard call and policy management, like every public write, take the secret key.
  "POST api/public/guard": SECRET_KEY,
  "GET api/public/guard/policies": SECRET_KEY,
  "GET api/public/guard/stats": SECRET_KEY,
  "GET api/public/guard/policies/[name]": SECRET_KEY,
  "PUT api/public/guard/policies/[name]": SECRET_KEY,
  "DELETE api/public/guard/policies/[name]": SECRET_KEY,
  "PUT api/public/llm-connections/[name]": SECRET_KEY,
  "GET api/public/metrics": SECRET_KEY,
  "GET api/public/online-evaluations": SECRET_KEY,
  "PUT api/public/online-evaluations/[name]": SECRET_KEY,
  "DELETE api/public/online-evaluations/[name]": SECRET_KEY,
  "GET api/public/openapi.json": ANYONE,
  "POST api/public/otel/v1/traces": SECRET_KEY,
  "GET api/public/projects": SECRET_KEY,
  "GET api/public/prompts": SECRET_KEY,
  "POST api/public/prompts": SECRET_KEY,
  "GET api/public/prompts/[...name]": SECRET_KEY,
  "POST api/public/runs": SECRET_KEY,
  "POST api/public/rag-evaluations": SECRET_KEY,
  "GET api/public/runs/[runId]": SECRET_KEY,
  "GET api/public/runs/[runId]/counterfactual": SECRET_KEY,
  "GET api/public/traces": SECRET_KEY,
  "GET api/public/traces/[traceId]": SECRET_KEY,
};

const NAMES = new Map<Policy, string>(
  Object.entries({ ANYONE, NOBODY, SIGNED_IN, MEMBERS, READERS, PLANNERS, ENGINEERS, ADMINS, QUEUE_VIEWERS, QUEUE_ANNOTATORS, PRODUCTION_APPROVERS, SECRET_KEY, ANY_KEY }).map(([name, p]) => [p, name]),
);

export function isOutOfProcess(policy: Policy | undefined): policy is { outOfProcess: string } {
  return policy !== undefined && "outOfProcess" in policy;
}

/** "READERS" for a preset (or a list with exactly its members), else the list. */
export function policyName(policy: readonly Identity[]): string {
  const same = (p: readonly Identity[]) => p.length === policy.length && p.every((who) => policy.includes(who));
  const preset = [...NAMES].find(([p]) => !isOutOfProcess(p) && same(p));
  return preset?.[1] ?? `[${policy.map((who) => `"${who}"`).join(", ")}]`;
}
