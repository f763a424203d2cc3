// Route calls for the prompt tests: each goes through the real handler with a session cookie.
import * as mergeRoute from "@/app/api/projects/[projectId]/prompts/[promptId]/change-requests/[changeRequestId]/merge/route";
import * as reviewsRoute from "@/app/api/projects/[projectId]/prompts/[promptId]/change-requests/[changeRequestId]/reviews/route";
import * as changeRequestsRoute from "@/app/api/projects/[projectId]/prompts/[promptId]/change-requests/route";
import * as policiesRoute from "@/app/api/projects/[projectId]/prompts/[promptId]/policies/route";
import * as promptsRoute from "@/app/api/projects/[projectId]/prompts/route";
import type { Member } from "../factories";
import { call } from "./route";

export type Tenant = { project: { id: string; orgId: string }; owner: Member };

export async function saveVersion(t: Tenant, who: Member, body: Record<string, unknown>) {
  return call(promptsRoute.POST, "POST", { params: { projectId: t.project.id }, cookie: who.cookie, body: { type: "text", ...body } });
}

/** A prompt with versions 1..n (text "v{i}: {{question}}"), saved by `who`; returns its id. */
export async function promptWithVersions(t: Tenant, who: Member, name: string, n: number): Promise<string> {
  let id = "";
  for (let i = 1; i <= n; i++) {
    const res = await saveVersion(t, who, { name, template: `v${i}: {{question}}`, config: { model: "gpt-4o-mini", temperature: 0.1 * i } });
    if (res.status !== 201) throw new Error(`save failed: ${res.status} ${JSON.stringify(res.json)}`);
    id = res.json.prompt.id;
  }
  return id;
}

export function propose(t: Tenant, who: Member, promptId: string, label: string, version: number) {
  return call(changeRequestsRoute.POST, "POST", { params: { projectId: t.project.id, promptId }, cookie: who.cookie, body: { label, version } });
}

export function review(t: Tenant, who: Member, promptId: string, changeRequestId: string, verdict: "approve" | "request_changes" | "comment", body?: string) {
  return call(reviewsRoute.POST, "POST", { params: { projectId: t.project.id, promptId, changeRequestId }, cookie: who.cookie, body: { verdict, ...(body ? { body } : {}) } });
}

export function merge(t: Tenant, who: Member, promptId: string, changeRequestId: string) {
  return call(mergeRoute.POST, "POST", { params: { projectId: t.project.id, promptId, changeRequestId }, cookie: who.cookie });
}

export function setPolicy(t: Tenant, promptId: string, body: Record<string, unknown>) {
  return call(policiesRoute.PUT, "PUT", { params: { projectId: t.project.id, promptId }, cookie: t.owner.cookie, body });
}
