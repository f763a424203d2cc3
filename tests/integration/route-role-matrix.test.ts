// Route × role matrix: every method of every route.ts under app/api, called as each identity, against
// the one table of decisions in route-role-matrix.expected.ts. A new route fails here until it has an entry
// (the failure says what the route allows today); ROUTE_MATRIX_OBSERVED=<file> writes every answer seen.
import { writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as invitesRoute from "@/app/api/projects/[projectId]/invites/route";
import * as queueRoute from "@/app/api/projects/[projectId]/annotation-queues/[queueId]/route";
import { addMember, createKey, createOrgAndProject, type Member } from "../factories";
import { call, type CallOptions } from "../support/route";
import { paramsFor, PROJECT_REQUESTS, publicRequests, seedTenant, type Target, targets } from "../support/tenant-seed";
import { EXPECTED, IDENTITIES, type Identity, isOutOfProcess, policyName } from "./route-role-matrix.expected";

/**
 * allow: the handler ran (any answer but a refusal, including a 400, a 409 or a 404 for a row that is gone);
 * deny: 401, 403, or a 404 that hides what the caller may not see; error: 5xx, always wrong.
 */
type Outcome = "allow" | "deny" | "error";
type Answer = { outcome: Outcome; status: number; message: string };

/**
 * 404s that mean "not yours": another tenant's project or org, and an annotation queue the member is
 * not assigned to (the seeded queue is never deleted during the walk, so that answer is a refusal).
 */
const HIDDEN_NOT_FOUND = new Set(["Project not found", "Organization not found", "Annotation queue not found"]);

function classify(res: { status: number; json: unknown }): Answer {
  const error = (res.json as { error?: { message?: string } } | null)?.error;
  const message = typeof error?.message === "string" ? error.message : "";
  const outcome: Outcome =
    res.status >= 500 ? "error" : res.status === 401 || res.status === 403 || (res.status === 404 && HIDDEN_NOT_FOUND.has(message)) ? "deny" : "allow";
  return { outcome, status: res.status, message };
}

/**
 * Order of the calls for one route: refusals first, then the roles from least to most powerful, so a
 * destructive call that one role may make (a DELETE, a merge, an accept) runs after those that must
 * be refused have been checked. A role's call can still change what the next role meets (a second
 * merge answers 409): that is an ordinary answer of a handler that ran, so "allow" still holds.
 */
const CALL_ORDER: Identity[] = ["anonymous", "pk", "sk", "other", "viewer", "annotator", "pm", "engineer", "admin", "owner"];

/** Requests the tenant seed does not need but this walk does (routes outside a project). */
const EXTRA_REQUESTS: Record<string, Omit<CallOptions, "params" | "cookie" | "authorization">> = {
  "POST api/auth/sign-up": { body: { email: "matrix-signup@example.test", password: "a long enough password 1" } },
  "POST api/auth/verify-email": { body: { token: "not-a-real-token" } },
  "POST api/orgs": { body: { name: "matrix org" } },
};

/** Actions that end a seeded row, in the order they run after everything else: a merge before a close, a promote before an end. */
const ENDINGS = ["merge", "promote", "close", "end", "cancel"];

/**
 * The walk's order: routes that only read or add first; then those that end a seeded row; then DELETEs,
 * deepest first (an item before its dataset); then the invite accept (which would make "other" a member).
 */
function order(a: Target, b: Target): number {
  const rank = (t: Target) => {
    if (t.route.route === "api/invites/[token]/accept") return [4, 0];
    if (t.method === "DELETE") return [3, -t.route.route.split("/").length];
    const ending = ENDINGS.indexOf(t.route.route.split("/").at(-1)!);
    return ending >= 0 && t.method === "POST" ? [1, ending] : [0, 0];
  };
  const [ra, sa] = rank(a);
  const [rb, sb] = rank(b);
  return ra! - rb! || sa! - sb!;
}

const key = (t: Target) => `${t.method} ${t.route.route}`;

describe("route × role matrix", () => {
  const savedToken = process.env.PHAROS_METRICS_TOKEN;
  beforeAll(() => {
    // /api/metrics answers its operator's scrape token only: none of the identities below holds it.
    process.env.PHAROS_METRICS_TOKEN = "matrix-scrape-token-0123456789";
  });
  afterAll(() => {
    if (savedToken === undefined) delete process.env.PHAROS_METRICS_TOKEN;
    else process.env.PHAROS_METRICS_TOKEN = savedToken;
  });

  it("answers every identity on every route and method as the expected table says", async () => {
    const t = await createOrgAndProject("matrix");
    const seeded = await seedTenant(t);
    const other = await createOrgAndProject("matrix-other");
    await seedTenant(other);
    // The callers' own key: the seeded one is revoked by DELETE api-keys/[apiKeyId] along the way.
    const keys = await createKey(t.project);
    const members: Partial<Record<Identity, Member>> = { owner: t.owner, other: other.owner };
    for (const role of ["admin", "engineer", "pm", "annotator", "viewer"] as const) members[role] = await addMember(t, role);
    const auth = (who: Identity): Pick<CallOptions, "cookie" | "authorization"> =>
      who === "anonymous" ? {} : who === "pk" ? { authorization: `Bearer ${keys.publicKey}` } : who === "sk" ? { authorization: `Bearer ${keys.secretKey}` } : { cookie: members[who]!.cookie };

    // The seeded queue's annotators: its owner and the annotator. Leads not assigned to it are refused judging.
    const assign = await call(queueRoute.PATCH, "PATCH", {
      params: { projectId: t.project.id, queueId: seeded.ids["annotation-queues/[queueId]"]! },
      cookie: t.owner.cookie,
      body: { annotators: [t.owner.user.email, members.annotator!.user.email] },
    });
    expect(assign.status, JSON.stringify(assign.json)).toBe(200);
    // An invite of its own for the token routes: the seeded one is revoked by DELETE invites/[inviteId] before
    // the accept runs. The accept runs last, so the first signed-in caller ("other") really joins the org.
    const invite = await call(invitesRoute.POST, "POST", { params: { projectId: t.project.id }, cookie: t.owner.cookie, body: { role: "viewer" } });
    expect(invite.status, JSON.stringify(invite.json)).toBe(201);
    const ids = { ...seeded.ids, "invites/[token]": invite.json.token as string };
    const requests = { ...PROJECT_REQUESTS, ...publicRequests(seeded.traceId, `conn-${t.project.id.slice(-6)}`), ...EXTRA_REQUESTS };
    const all = (await targets("api")).sort(order);
    const unmapped = new Set<string>();
    const observed: Record<string, Record<Identity, Answer>> = {};
    for (const target of all) {
      if (isOutOfProcess(EXPECTED[key(target)])) continue;
      const params = paramsFor(target.route, { projectId: t.project.id, orgId: t.org.id }, ids, unmapped);
      const answers = {} as Record<Identity, Answer>;
      for (const who of CALL_ORDER) {
        answers[who] = classify(await call(target.handler, target.method, { ...requests[key(target)], params, ...auth(who) }));
      }
      observed[key(target)] = answers;
    }
    if (process.env.ROUTE_MATRIX_OBSERVED) writeFileSync(process.env.ROUTE_MATRIX_OBSERVED, JSON.stringify(observed, null, 1));

    const present = new Set(all.map(key));
    const allowedNow = (k: string) => IDENTITIES.filter((who) => observed[k]?.[who]?.outcome === "allow");
    const missing = [...present].filter((k) => !(k in EXPECTED)).map((k) => `"${k}": ${policyName(allowedNow(k))}, (what it allows today)`);
    const stale = Object.keys(EXPECTED).filter((k) => !present.has(k));
    const wrong: string[] = [];
    for (const [route, answers] of Object.entries(observed)) {
      const policy = EXPECTED[route];
      if (!policy || isOutOfProcess(policy)) continue;
      for (const who of IDENTITIES) {
        const got = answers[who];
        const expected = policy.includes(who) ? "allow" : "deny";
        if (got.outcome !== expected) {
          wrong.push(`${route} · ${who}: expected ${expected} (${policyName(policy)}), got ${got.outcome} — ${got.status} ${got.message}`.trimEnd());
        }
      }
    }
    // One assertion, so a failure shows every list: dynamic segments without a seeded id (map them in
    // tests/support/tenant-seed.ts), routes without a decision (add them to route-role-matrix.expected.ts),
    // entries whose route is gone (remove them), and answers that differ from the table.
    expect({ unmapped: [...unmapped], missing, stale, wrong }).toEqual({ unmapped: [], missing: [], stale: [], wrong: [] });
    expect(all.length).toBeGreaterThanOrEqual(140);
  }, 180_000);
});
