import type { AuditFilters } from "@/lib/queries/prompts/keys";

export const AUDIT_RANGES = { "24h": 86_400_000, "7d": 7 * 86_400_000, "30d": 30 * 86_400_000, all: null } as const;
export type AuditRange = keyof typeof AUDIT_RANGES;
export type AuditView = { action: string; actor: string; resourceType: string; range: AuditRange };

type ParamReader = { get(name: string): string | null };

const clean = (v: string | null, max: number, pattern: RegExp) => {
  const t = (v ?? "").trim();
  return t.length <= max && pattern.test(t) ? t : "";
};

/** The audit page's filters from the URL; anything malformed is dropped rather than failing the page. */
export function parseAuditView(params: ParamReader): AuditView {
  const range = params.get("range");
  return {
    action: clean(params.get("action"), 100, /^[a-z0-9_.]*$/),
    actor: clean(params.get("actor"), 100, /^[A-Za-z0-9_-]*$/),
    resourceType: clean(params.get("resource"), 100, /^[a-z0-9_]*$/),
    range: range && range in AUDIT_RANGES ? (range as AuditRange) : "all",
  };
}

/** The inverse of parseAuditView, in a fixed key order so equal views give equal URLs. */
export function serializeAuditView(view: AuditView): string {
  const out = new URLSearchParams();
  if (view.action) out.set("action", view.action);
  if (view.actor) out.set("actor", view.actor);
  if (view.resourceType) out.set("resource", view.resourceType);
  if (view.range !== "all") out.set("range", view.range);
  return out.toString();
}

/**
 * The API's filters. A relative range is anchored to `now`, rounded down to the minute so the
 * query key (and the pages already loaded) stay put between renders.
 */
export function auditFilters(view: AuditView, now: number): AuditFilters {
  const span = AUDIT_RANGES[view.range];
  const minute = Math.floor(now / 60_000) * 60_000;
  return {
    ...(view.action ? { action: view.action } : {}),
    ...(view.actor ? { actorUserId: view.actor } : {}),
    ...(view.resourceType ? { resourceType: view.resourceType } : {}),
    ...(span ? { from: new Date(minute - span).toISOString() } : {}),
  };
}

/** Action prefixes worth a shortcut; the box takes any prefix. */
export const ACTION_PRESETS = [
  { value: "prompt.", label: "All prompt changes" },
  { value: "prompt.label.", label: "Label moves" },
  { value: "prompt.label.rollback", label: "Rollbacks" },
  { value: "prompt.change_request.", label: "Change requests" },
  { value: "prompt.canary.", label: "Canaries" },
  { value: "prompt.policy.", label: "Policies" },
  { value: "member.", label: "Members" },
  { value: "api_key.", label: "API keys" },
  { value: "project.", label: "Project settings" },
  { value: "guard_policy.", label: "Guard policies" },
] as const;

export const RESOURCE_TYPES = ["prompt", "prompt_label", "prompt_change_request", "prompt_canary", "prompt_policy", "project", "user", "invite", "api_key", "llm_connection", "alert_rule", "triage_item", "guard_policy"] as const;
