// The demo's guardrails: its two policies and a week of guard calls through the real detectors,
// enough for the overview's block and mask rates and a few blocked traces in the inbox; seeding
// twice writes nothing twice.
import { afterAll, describe, expect, it } from "vitest";
import * as statsRoute from "@/app/api/projects/[projectId]/metrics/guardrails/route";
import { DEMO_STRICT_POLICY, seedDemoGuard } from "@/lib/bootstrap/seed-demo-guard";
import { seedDemoPrompts } from "@/lib/bootstrap/seed-demo-prompts";
import { db } from "@/lib/db";
import { listGuardPolicies } from "@/lib/guard/list-guard-policies";
import { stopPromptFetch } from "@/lib/prompts/fetch/fetch-prompt";
import { createOrgAndProject } from "../factories";
import { call } from "../support/route";

afterAll(() => stopPromptFetch());

describe("demo guardrails", () => {
  it("seeds a default and a strict policy and guard calls with block and mask rates; idempotent", async () => {
    const t = await createOrgAndProject("guard-demo");
    const now = new Date();
    await seedDemoPrompts({ projectId: t.project.id, now });
    const first = await seedDemoGuard({ projectId: t.project.id, now, conversations: 200 });

    const policies = await listGuardPolicies({ projectId: t.project.id });
    expect(policies.map((p) => [p.name, p.isDefault, p.builtIn])).toEqual([["default", true, false], [DEMO_STRICT_POLICY, false, false]]);
    expect(policies[0]!.systemPrompts.prompts).toEqual(["support-answer"]);
    expect(policies[1]!.input.RRN).toBe("block");

    const stats = await call(statsRoute.GET, "GET", { params: { projectId: t.project.id }, cookie: t.owner.cookie, query: { from: new Date(now.getTime() - 8 * 86_400_000).toISOString(), to: new Date(now.getTime() + 60_000).toISOString(), bucket: "1d" } });
    expect(stats.json.totals.calls).toBe(first.spans);
    expect(stats.json.totals.blockRate).toBeGreaterThan(0.02);
    expect(stats.json.totals.maskRate).toBeGreaterThan(0.02);
    const types = stats.json.byType.map((x: { type: string }) => x.type);
    for (const type of ["PROMPT_INJECTION", "RRN", "EMAIL", "SYSTEM_PROMPT_LEAK", "DENIED_TERM"]) expect(types).toContain(type);
    expect(stats.json.byPolicy.map((p: { policy: string }) => p.policy)).toEqual(expect.arrayContaining(["default", DEMO_STRICT_POLICY]));
    expect(await db.triageItem.count({ where: { projectId: t.project.id, reasons: { has: "guardrail_blocked" } } })).toBeGreaterThan(0);

    const spans = await db.span.count({ where: { projectId: t.project.id } });
    const audit = await db.auditLog.count({ where: { projectId: t.project.id, resourceType: "guard_policy" } });
    await seedDemoGuard({ projectId: t.project.id, now, conversations: 200 });
    expect(await db.span.count({ where: { projectId: t.project.id } })).toBe(spans);
    expect(await db.auditLog.count({ where: { projectId: t.project.id, resourceType: "guard_policy" } })).toBe(audit);
  });
});
