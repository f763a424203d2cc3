import type { Role } from "../auth/permissions";
import type { PolicyRule } from "./resolve-policy";

export type ReviewFact = { reviewerId: string; verdict: string };
export type Eligibility = { eligible: true } | { eligible: false; reason: string };

/**
 * May this member approve (or block) a change under the policy? By role or by name; an author
 * (whoever proposed the change or wrote the version) only when the policy allows self-approval.
 */
export function approverEligibility(policy: PolicyRule, user: { id: string; role: Role | null }, authors: readonly string[]): Eligibility {
  if (user.role === null) return { eligible: false, reason: "not a member of this project" };
  if (user.role === "annotator") return { eligible: false, reason: "annotators cannot review prompts" };
  if (!policy.allowSelfApproval && authors.includes(user.id)) return { eligible: false, reason: "the author of a change cannot approve it under this policy (self-approval is off)" };
  if (policy.approverRoles.includes(user.role) || policy.approverUserIds.includes(user.id)) return { eligible: true };
  const who = [...policy.approverRoles.map((r) => `${r}s`), ...(policy.approverUserIds.length ? ["named members"] : [])].join(", ") || "nobody";
  return { eligible: false, reason: `this label's policy lets ${who} approve; your role is ${user.role}` };
}

export type ApprovalStatus = {
  required: number;
  /** Distinct eligible users whose latest verdict is approve. */
  approvedBy: string[];
  /** Eligible users whose latest verdict is request_changes: each blocks until they approve. */
  changesRequestedBy: string[];
  satisfied: boolean;
  /** Why it cannot merge yet (empty when it can, as far as approvals go). */
  blockers: string[];
};

/**
 * Counts a change request's reviews under the policy: per distinct eligible reviewer, their
 * latest approve / request_changes verdict (comments do not count). Reviews are in time order.
 */
export function approvalStatus(options: { policy: PolicyRule; reviews: readonly ReviewFact[]; roles: ReadonlyMap<string, Role | null>; authors: readonly string[] }): ApprovalStatus {
  const { policy, reviews, roles, authors } = options;
  const latest = new Map<string, string>();
  for (const r of reviews) if (r.verdict !== "comment") latest.set(r.reviewerId, r.verdict);
  const approvedBy: string[] = [];
  const changesRequestedBy: string[] = [];
  for (const [id, verdict] of latest) {
    if (!approverEligibility(policy, { id, role: roles.get(id) ?? null }, authors).eligible) continue;
    (verdict === "approve" ? approvedBy : changesRequestedBy).push(id);
  }
  const blockers: string[] = [];
  if (approvedBy.length < policy.requiredApprovals) blockers.push(`needs ${policy.requiredApprovals} approval${policy.requiredApprovals === 1 ? "" : "s"} from eligible reviewers, has ${approvedBy.length}`);
  if (changesRequestedBy.length) blockers.push(`changes requested by ${changesRequestedBy.length} reviewer${changesRequestedBy.length === 1 ? "" : "s"}`);
  return { required: policy.requiredApprovals, approvedBy, changesRequestedBy, satisfied: blockers.length === 0, blockers };
}
