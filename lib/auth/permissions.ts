/**
 * The one permission map: every route handler asks `can(role, action)` through
 * withProject/withOrg. Later features add their actions here, not in handlers.
 */
export const ROLES = ["owner", "admin", "engineer", "pm", "annotator", "viewer"] as const;
export type Role = (typeof ROLES)[number];

const READERS: Role[] = ["owner", "admin", "engineer", "pm", "viewer"];
const ADMINS: Role[] = ["owner", "admin"];

export const PERMISSIONS = {
  "project:read": [...READERS, "annotator"],
  "project:update": ADMINS,
  /** Retention deletes traces: owners and admins only (read is settings:read). */
  "retention:configure": ADMINS,
  "project:create": ADMINS,
  "settings:read": READERS,
  "members:read": READERS,
  "members:manage": ADMINS,
  "apiKeys:read": ["owner", "admin", "engineer"],
  "apiKeys:manage": ["owner", "admin", "engineer"],
  "audit:read": ADMINS,
  "traces:read": READERS,
  "dashboards:read": READERS,
  "feedback:read": READERS,
  "alerts:manage": ["owner", "admin", "engineer", "pm"],
  "views:manage": ["owner", "admin", "engineer", "pm"],
  "triage:update": ["owner", "admin", "engineer"],
  "triage:configure": ["owner", "admin", "engineer"],
  "datasets:read": READERS,
  "datasets:update": ["owner", "admin", "engineer"],
  "drift:read": READERS,
  "drift:manage": ["owner", "admin", "engineer"],
  // Prompts: annotators see nothing of them. Who may approve a change is the label's policy
  // (lib/prompts/approval-status.ts); `prompts:review` only lets a member reach the review and
  // merge endpoints, where the policy decides.
  "prompts:read": READERS,
  "prompts:propose": ["owner", "admin", "engineer"],
  "prompts:review": ["owner", "admin", "engineer", "pm"],
  "prompts:rollback": ADMINS,
  "prompts:configure": ADMINS,
  /** Read is settings:read (names, URLs, models; never secrets). */
  "llmConnections:manage": ["owner", "admin", "engineer"],
  // Runs: readers see them; those who curate golden sets start and cancel them. Annotators see nothing.
  "runs:read": READERS,
  "runs:start": ["owner", "admin", "engineer"],
  // Online evaluation rules: readers see them (runs:read); the same people who start runs manage them (they spend judge money).
  "onlineEvals:manage": ["owner", "admin", "engineer"],
  /** The counterfactual-fairness term list (read is settings:read). */
  "suites:configure": ["owner", "admin", "engineer"],
  /** Inline guard policies (read is settings:read): engineers own the application's guardrails, as they own its prompts and inbox rules. */
  "guard:configure": ["owner", "admin", "engineer"],
  "annotation:judge": ["owner", "admin", "annotator"],
  "annotation:manage": ["owner", "admin", "engineer"],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof PERMISSIONS;

export function can(role: Role, action: Action): boolean {
  return (PERMISSIONS[action] as readonly Role[]).includes(role);
}

/**
 * A member's role in a project: the project override when there is one, else the org
 * role. Org owners stay owners everywhere so an org can never lock itself out.
 */
export function effectiveRole(orgRole: Role, projectRole: Role | null | undefined): Role {
  if (orgRole === "owner") return "owner";
  return projectRole ?? orgRole;
}

/**
 * Members and invites belong to the org, so managing them takes owner/admin both in the org and
 * in this project: a project-level admin override alone reaches neither the org's invites nor
 * other members' roles. The members page shows its controls on this same rule.
 */
export function canManageMembers(access: { role: Role; orgRole: Role }): boolean {
  return can(access.role, "members:manage") && can(access.orgRole, "members:manage");
}

/** owner > admin > everyone else: a member may not change someone whose org role outranks theirs. */
export function outranks(a: Role, b: Role): boolean {
  const rank = (r: Role) => (r === "owner" ? 2 : r === "admin" ? 1 : 0);
  return rank(a) > rank(b);
}

/** Roles a member may grant: admins cannot mint owners. */
export function canGrant(granter: Role, role: Role): boolean {
  if (granter === "owner") return true;
  if (granter === "admin") return role !== "owner";
  return false;
}
