// Annotation queues for tests: made through the public API, judged through the session routes.
import * as publicQueues from "@/app/api/public/annotation-queues/route";
import * as publicPairs from "@/app/api/public/annotation-queues/[queueId]/pairs/route";
import * as judgmentsRoute from "@/app/api/projects/[projectId]/annotation-queues/[queueId]/judgments/route";
import * as nextRoute from "@/app/api/projects/[projectId]/annotation-queues/[queueId]/next/route";
import * as skipRoute from "@/app/api/projects/[projectId]/annotation-queues/[queueId]/skip/route";
import * as undoRoute from "@/app/api/projects/[projectId]/annotation-queues/[queueId]/undo/route";
import { expect } from "vitest";
import { addMember, createKey, createOrgAndProject, type Member } from "../factories";
import { call } from "./route";

export async function annotationTenant(name: string) {
  const t = await createOrgAndProject(name);
  const key = await createKey(t.project);
  return { ...t, auth: `Bearer ${key.secretKey}` };
}
type Tenant = Awaited<ReturnType<typeof annotationTenant>>;

export async function annotators(t: Tenant, n: number, role: "annotator" | "viewer" | "engineer" = "annotator"): Promise<Member[]> {
  return Promise.all(Array.from({ length: n }, () => addMember(t, role)));
}

/** A queue with `pairs` pairs whose A is "good i" and B "bad i"; `members` assigned. */
export async function queueWithPairs(t: Tenant, options: { name?: string; k?: number; pairs: number; members: Member[]; rationale?: "required" }) {
  const created = await call(publicQueues.POST, "POST", {
    authorization: t.auth,
    body: { name: options.name ?? `q-${Math.random().toString(36).slice(2, 8)}`, judgmentsPerPair: options.k ?? 1, annotators: options.members.map((m) => m.user.email) },
  });
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  const queueId = created.json.id as string;
  if (options.rationale) {
    const { db } = await import("@/lib/db");
    await db.annotationQueue.update({ where: { projectId_id: { projectId: t.project.id, id: queueId } }, data: { rationale: "required" } });
  }
  const pairs = Array.from({ length: options.pairs }, (_, i) => ({ prompt: `question ${i}`, responseA: `good ${i}`, responseB: `bad ${i}` }));
  const added = await call(publicPairs.POST, "POST", { authorization: t.auth, params: { queueId }, body: { pairs } });
  expect(added.status, JSON.stringify(added.json)).toBe(201);
  return { queueId, pairIds: added.json.pairIds as string[] };
}

const p = (t: Tenant, queueId: string) => ({ projectId: t.project.id, queueId });

export const next = (t: Tenant, queueId: string, m: Member, exclude: string[] = []) =>
  call(nextRoute.POST, "POST", { params: p(t, queueId), cookie: m.cookie, body: { exclude } });
export const judge = (t: Tenant, queueId: string, m: Member, body: Record<string, unknown>) =>
  call(judgmentsRoute.POST, "POST", { params: p(t, queueId), cookie: m.cookie, body });
export const skip = (t: Tenant, queueId: string, m: Member, pairId: string) => call(skipRoute.POST, "POST", { params: p(t, queueId), cookie: m.cookie, body: { pairId } });
export const undo = (t: Tenant, queueId: string, m: Member, judgmentId: string) => call(undoRoute.POST, "POST", { params: p(t, queueId), cookie: m.cookie, body: { judgmentId } });

/** The pick that prefers the "good" response wherever this annotator sees it. */
export function pickGood(pair: { left: string; right: string }): "left" | "right" {
  return pair.left.startsWith("good") ? "left" : "right";
}
