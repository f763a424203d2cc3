import type { Policy, PolicyInput, Role } from "@/lib/queries/prompts/keys";
import { describeRunGate, formToGate, type GateForm, gateToForm } from "./prepare-run-gate";

/** Roles that can reach the review endpoints (prompts:review); naming others as approvers would approve nobody. */
export const APPROVER_ROLES: Role[] = ["owner", "admin", "engineer", "pm"];

export type PolicyForm = { requiredApprovals: string; approverRoles: Role[]; approverUserIds: string[]; allowSelfApproval: boolean; autoMerge: boolean; requirePassingRun: boolean; gate: GateForm };

export function policyToForm(p: Policy): PolicyForm {
  return {
    requiredApprovals: String(p.requiredApprovals), approverRoles: [...p.approverRoles], approverUserIds: [...p.approverUserIds],
    allowSelfApproval: p.allowSelfApproval, autoMerge: p.autoMerge, requirePassingRun: p.requirePassingRun, gate: gateToForm(p.runGate),
  };
}

/**
 * Form → PUT body, or the field that is wrong. Approvals needed with nobody allowed to give them
 * would lock the label, so that is refused here, before the server accepts a policy no one can satisfy.
 */
export function formToPolicyInput(label: string, form: PolicyForm): { input: PolicyInput } | { error: { field: string; message: string } } {
  const n = Number(form.requiredApprovals);
  if (form.requiredApprovals.trim() === "" || !Number.isInteger(n) || n < 0 || n > 10) return { error: { field: "requiredApprovals", message: "required approvals: a whole number from 0 to 10" } };
  if (n > 0 && form.approverRoles.length === 0 && form.approverUserIds.length === 0) return { error: { field: "approvers", message: "pick at least one approver role or member, or require 0 approvals" } };
  const roles = APPROVER_ROLES.filter((r) => form.approverRoles.includes(r));
  const input: PolicyInput = { label, requiredApprovals: n, approverRoles: roles, approverUserIds: [...new Set(form.approverUserIds)], allowSelfApproval: form.allowSelfApproval, autoMerge: form.autoMerge, requirePassingRun: form.requirePassingRun };
  // Switched off, the gate is not sent: the server keeps the stored one for when it is switched back on.
  if (!form.requirePassingRun) return { input };
  const gate = formToGate(form.gate);
  return "error" in gate ? gate : { input: { ...input, runGate: gate.gate } };
}

export const toggle = <T,>(list: readonly T[], item: T, on: boolean): T[] => (on ? [...new Set([...list, item])] : list.filter((x) => x !== item));

const SOURCE: Record<Policy["source"], string> = { prompt: "this prompt", project: "project default", default: "built-in default" };

/** Where the effective policy comes from, in words. */
export function policySourceLabel(source: Policy["source"]): string {
  return SOURCE[source];
}

/** One line a reviewer can read: "2 approvals by owner, admin or Ana; no self-approval; merges automatically; needs a passing run on …". */
export function describePolicy(p: Policy, names: Record<string, string>, datasetName: (gate: NonNullable<Policy["runGate"]>) => string = () => "a golden set"): string {
  const run = p.requirePassingRun ? (p.runGate ? `needs ${describeRunGate(p.runGate, datasetName)}` : "needs a passing regression run (not configured: blocks every merge)") : null;
  if (p.requiredApprovals === 0) return `No approval needed${run ? `; ${run}` : ""}${p.autoMerge ? `; proposals merge at once${run ? " when it passes" : ""}` : "; an engineer merges"}`;
  const who = [...p.approverRoles, ...p.approverUserIds.map((id) => names[id] ?? "a former member")];
  const approvers = who.length <= 1 ? (who[0] ?? "nobody") : `${who.slice(0, -1).join(", ")} or ${who.at(-1)}`;
  const parts = [`${p.requiredApprovals} ${p.requiredApprovals === 1 ? "approval" : "approvals"} by ${approvers}`, p.allowSelfApproval ? "authors may approve their own change" : "no self-approval"];
  if (p.autoMerge) parts.push("merges automatically");
  if (run) parts.push(run);
  return parts.join("; ");
}
