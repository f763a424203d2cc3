// Cross-tenant access, generated from the route tree so that a new route is covered the day it lands.
import { describe, expect, it } from "vitest";
import * as keysRoute from "@/app/api/projects/[projectId]/api-keys/route";
import * as projectRoute from "@/app/api/projects/[projectId]/route";
import * as orgsRoute from "@/app/api/orgs/route";
import * as publicProjects from "@/app/api/public/projects/route";
import { db } from "@/lib/db";
import { createKey, createOrgAndProject } from "../factories";
import { call } from "../support/route";
import { paramsFor, PROJECT_REQUESTS, publicRequests, seedTenant, type Target, targets, type Tenant } from "../support/tenant-seed";

/** Every row of `t`'s tenant, in every table that has a project_id or org_id, as text. */
async function snapshot(t: Tenant): Promise<Record<string, string>> {
  const tables = await db.$queryRaw<{ table: string; column: string }[]>`
    select table_name::text as table, column_name::text as column from information_schema.columns
    where table_schema = current_schema() and column_name in ('project_id', 'org_id') order by 1, 2`;
  const out: Record<string, string> = {};
  const rows = async (sql: string, id: string) => (await db.$queryRawUnsafe<{ rows: string | null }[]>(sql, id))[0]!.rows ?? "";
  for (const { table, column } of tables) {
    const id = column === "project_id" ? t.project.id : t.org.id;
    out[`${table}.${column}`] = await rows(`select string_agg(x::text, E'\\n' order by x::text) as rows from "${table}" x where "${column}" = $1`, id);
  }
  out.projects = await rows(`select string_agg(x::text, '') as rows from projects x where id = $1`, t.project.id);
  out.orgs = await rows(`select string_agg(x::text, '') as rows from orgs x where id = $1`, t.org.id);
  return out;
}

const show = (t: Target) => `${t.method} /${t.route.route}`;

describe("tenant isolation", () => {
  it("answers 404 to a member of org A on every project and org route, for org B's project and B's rows, and changes nothing of B's", async () => {
    const a = await createOrgAndProject("tenant-a");
    const b = await createOrgAndProject("tenant-b");
    await seedTenant(a);
    const seeded = await seedTenant(b);
    const before = await snapshot(b);
    const unmapped = new Set<string>();
    const projectRoutes = [...(await targets("api/projects")), ...(await targets("api/orgs/[orgId]"))];
    const seen: string[] = [];
    const wrong: string[] = [];
    const expectNotFound = async (target: Target, params: Record<string, string | string[]>, what: string) => {
      const res = await call(target.handler, target.method, { ...PROJECT_REQUESTS[`${target.method} ${target.route.route}`], params, cookie: a.owner.cookie });
      const orgLevel = !target.route.segments.some((s) => s.key === "projects/[projectId]");
      const allowed = orgLevel ? [403, 404] : [404];
      if (!allowed.includes(res.status) || res.json?.error?.code !== (res.status === 404 ? "NOT_FOUND" : "FORBIDDEN")) {
        wrong.push(`${show(target)} ${what}: ${res.status} ${JSON.stringify(res.json).slice(0, 200)}`);
      }
      seen.push(`${show(target)} ${what}`);
    };
    for (const target of projectRoutes) {
      // B's project (or org) with B's row ids.
      await expectNotFound(target, paramsFor(target.route, { projectId: b.project.id, orgId: b.org.id }, seeded.ids, unmapped), "in B's project");
      // A's own project, but B's row ids: every lookup must be scoped to the project in the URL.
      if (target.route.segments.some((s) => s.key !== "projects/[projectId]" && s.key !== "orgs/[orgId]")) {
        await expectNotFound(target, paramsFor(target.route, { projectId: a.project.id, orgId: a.org.id }, seeded.ids, unmapped), "with B's ids in A's project");
      }
    }
    // A route whose dynamic segment has no row above must fail here, not slip by.
    expect([...unmapped]).toEqual([]);
    expect(wrong).toEqual([]);
    expect(projectRoutes.length).toBeGreaterThanOrEqual(59);
    expect(await snapshot(b)).toEqual(before);
    expect((await db.project.findUniqueOrThrow({ where: { id: b.project.id } })).name).toBe("tenant-b project");
    expect(await db.apiKey.count({ where: { projectId: b.project.id, revokedAt: null } })).toBe(1);
    expect(await db.project.count({ where: { orgId: b.org.id } })).toBe(1);
  }, 120_000);

  it("keeps project A's API key inside project A on every public route, whatever ids it names", async () => {
    const a = await createOrgAndProject("pub-a");
    const b = await createOrgAndProject("pub-b");
    const { key: aKey } = await seedTenant(a);
    const seeded = await seedTenant(b);
    const before = await snapshot(b);
    // Ids only: a label name ("production") or a version number is shared vocabulary, not B's data.
    const vocabulary = new Set(["labels/[label]", "versions/[version]"]);
    const secrets = [b.project.id, b.org.id, ...Object.entries(seeded.ids).filter(([k, id]) => !vocabulary.has(k) && id.length > 8).map(([, id]) => id)];
    const requests = publicRequests(seeded.traceId, `conn-${a.project.id.slice(-6)}`);
    // PUT by name is an upsert in the key's own project: B's name there is just a new name of A's.
    // DELETE of an online-evaluation or guard policy name runs after its PUT made that name in A: it removes A's own.
    const upserts = new Set([
      "PUT api/public/llm-connections/[name]", "PUT api/public/online-evaluations/[name]", "DELETE api/public/online-evaluations/[name]",
      "PUT api/public/guard/policies/[name]", "DELETE api/public/guard/policies/[name]",
    ]);
    const unmapped = new Set<string>();
    const wrong: string[] = [];
    const publicRoutes = await targets("api/public");
    for (const target of publicRoutes) {
      const params = paramsFor(target.route, { projectId: b.project.id, orgId: b.org.id }, seeded.ids, unmapped);
      const res = await call(target.handler, target.method, { ...requests[`${target.method} ${target.route.route}`], params, authorization: `Bearer ${aKey.secretKey}` });
      const text = JSON.stringify(res.json) ?? "";
      const upsert = upserts.has(`${target.method} ${target.route.route}`);
      const leaked = secrets.filter((id) => text.includes(id) && !(upsert && id === params.name));
      // A route that takes an id answers 404 for B's; one that does not (or upserts by name) acts on A's project only.
      const ok = target.route.segments.length > 0 && !upsert ? res.status === 404 : res.status < 300 && leaked.length === 0;
      if (!ok || res.status >= 500) wrong.push(`${show(target)}: ${res.status} ${leaked.join(",")} ${text.slice(0, 200)}`);
    }
    expect([...unmapped]).toEqual([]);
    expect(wrong).toEqual([]);
    expect(publicRoutes.length).toBeGreaterThanOrEqual(8);
    expect(await snapshot(b)).toEqual(before);
    // What the key sent went to A.
    // A has no trace with B's id: the vote waits in A as pending feedback, and never reaches B's trace.
    expect(await db.pendingFeedback.count({ where: { projectId: a.project.id, traceId: seeded.traceId } })).toBe(1);
    expect(await db.score.count({ where: { traceId: seeded.traceId, name: "user_feedback", comment: "pwned" } })).toBe(0);
    expect(await db.llmConnection.count({ where: { projectId: a.project.id, name: seeded.ids["llm-connections/[name]"] } })).toBe(1);
  });

  it("keeps an API key inside its own project", async () => {
    const a = await createOrgAndProject("key-a");
    const b = await createOrgAndProject("key-b");
    const aKey = await createKey(a.project);
    await createKey(b.project);
    const res = await call(publicProjects.GET, "GET", { authorization: `Bearer ${aKey.secretKey}` });
    expect(res.json.project.id).toBe(a.project.id);
    // A key is not a session: it cannot call the UI API of its own project either.
    const ui = await call(keysRoute.GET, "GET", { params: { projectId: a.project.id }, authorization: `Bearer ${aKey.secretKey}` });
    expect(ui.status).toBe(401);
  });

  it("lists only the caller's orgs and projects", async () => {
    const a = await createOrgAndProject("list-a");
    await createOrgAndProject("list-b");
    const res = await call(orgsRoute.GET, "GET", { cookie: a.owner.cookie });
    expect(res.status).toBe(200);
    expect(res.json.orgs).toHaveLength(1);
    expect(res.json.orgs[0].projects.map((p: { id: string }) => p.id)).toEqual([a.project.id]);
  });

  it("rejects requests without a valid session", async () => {
    const a = await createOrgAndProject("nosession");
    const forged = "next-auth.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0.forged";
    for (const cookie of [undefined, forged]) {
      const res = await call(projectRoute.GET, "GET", { params: { projectId: a.project.id }, cookie });
      expect(res.status).toBe(401);
      expect(res.json.error).toEqual({ code: "UNAUTHORIZED", message: "Sign in to continue" });
    }
  });
});
