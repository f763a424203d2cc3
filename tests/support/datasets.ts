// Golden-set calls shared by the datasets integration tests: through the real route handlers.
import * as importRoute from "@/app/api/projects/[projectId]/datasets/[datasetId]/import/route";
import * as itemsRoute from "@/app/api/projects/[projectId]/datasets/[datasetId]/items/route";
import * as datasetsRoute from "@/app/api/projects/[projectId]/datasets/route";
import { expect } from "vitest";
import type { createOrgAndProject, Member } from "../factories";
import { call } from "./route";

export type Tenant = Awaited<ReturnType<typeof createOrgAndProject>>;

export async function createDataset(t: Tenant, name: string, who: Member = t.owner) {
  const res = await call(datasetsRoute.POST, "POST", { params: { projectId: t.project.id }, cookie: who.cookie, body: { name } });
  expect(res.status).toBe(201);
  return res.json as { id: string; name: string };
}

export function listItems(t: Tenant, datasetId: string, at?: Date) {
  return call(itemsRoute.GET, "GET", { params: { projectId: t.project.id, datasetId }, cookie: t.owner.cookie, query: at ? { at: at.toISOString() } : {} });
}

export function importFile(t: Tenant, datasetId: string, format: "jsonl" | "csv", text: string, skipInvalid?: boolean) {
  const query: Record<string, string> = { format };
  if (skipInvalid !== undefined) query.skipInvalid = String(skipInvalid);
  return call(importRoute.POST, "POST", { params: { projectId: t.project.id, datasetId }, cookie: t.owner.cookie, rawBody: text, query });
}

export const tick = () => new Promise((r) => setTimeout(r, 5));
