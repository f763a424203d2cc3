import { describe, expect, it } from "vitest";
import * as canaryRoute from "@/app/api/projects/[projectId]/prompts/[promptId]/canaries/[canaryId]/route";
import * as lookupRoute from "@/app/api/projects/[projectId]/prompts/lookup/route";
import { seedDemoPrompts } from "@/lib/bootstrap/seed-demo-prompts";
import { db } from "@/lib/db";
import { createOrgAndProject } from "../factories";
import { call } from "../support/route";

const NOW = new Date();

describe("demo prompts", () => {
  it("support-answer v1–v3, production → v2 with a rollback in its history, a pending request with a comment, an active canary with traffic; seeding again changes nothing", async () => {
    const t = await createOrgAndProject("demo-prompts");
    expect((await seedDemoPrompts({ projectId: t.project.id, now: NOW })).created).toBe(true);
    const page = await call(lookupRoute.GET, "GET", { params: { projectId: t.project.id }, cookie: t.owner.cookie, query: { name: "support-answer" } });
    expect(page.json.versions.map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);
    const labels = Object.fromEntries(page.json.labels.map((l: { label: string; version: number }) => [l.label, l]));
    expect(labels.production).toMatchObject({ version: 2, canary: null });
    expect(labels.staging).toMatchObject({ version: 2, canary: { version: 3, percent: 20 } });
    expect(page.json.openChangeRequests).toBe(1);
    const promptId = page.json.prompt.id;
    const moves = await db.promptLabelMove.findMany({ where: { projectId: t.project.id, promptId, label: "production" }, orderBy: { createdAt: "asc" } });
    expect(moves.map((m) => `${m.kind}:${m.toVersion}`)).toEqual(["merge:1", "merge:2", "rollback:1", "merge:2"]);
    const pending = await db.promptChangeRequest.findFirstOrThrow({ where: { projectId: t.project.id, status: "open" } });
    expect(pending).toMatchObject({ label: "production", version: 3 });
    expect(await db.promptReview.count({ where: { projectId: t.project.id, changeRequestId: pending.id, verdict: "comment" } })).toBe(1);

    const canary = await call(canaryRoute.GET, "GET", { params: { projectId: t.project.id, promptId, canaryId: labels.staging.canary.id }, cookie: t.owner.cookie });
    expect(canary.json.canary.status).toBe("active");
    expect(canary.json.canaryVersion.calls).toBe(60);

    const counts = async () => [await db.promptVersion.count({ where: { projectId: t.project.id } }), await db.promptLabelMove.count({ where: { projectId: t.project.id } }), await db.auditLog.count({ where: { projectId: t.project.id } }), await db.span.count({ where: { projectId: t.project.id } })];
    const before = await counts();
    expect((await seedDemoPrompts({ projectId: t.project.id, now: NOW })).created).toBe(false);
    expect(await counts()).toEqual(before);
  });
});
