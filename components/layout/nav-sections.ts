import { type Action, can, type Role } from "@/lib/auth/permissions";

/** `action`: the permission that opens the section; a list opens it to anyone holding one of them. */
export type NavSection = { href: string; label: string; action: Action | readonly Action[] };

/** Sidebar sections, added here as each section's page is built. */
export const NAV_SECTIONS: NavSection[] = [
  { href: "overview", label: "Overview", action: "dashboards:read" },
  { href: "traces", label: "Traces", action: "traces:read" },
  { href: "sessions", label: "Sessions", action: "traces:read" },
  { href: "inbox", label: "Inbox", action: "traces:read" },
  { href: "datasets", label: "Golden sets", action: "datasets:read" },
  { href: "runs", label: "Runs", action: "runs:read" },
  { href: "online-evaluations", label: "Online evaluation", action: "runs:read" },
  { href: "prompts", label: "Prompts", action: "prompts:read" },
  { href: "drift", label: "Drift", action: "drift:read" },
  { href: "annotate", label: "Annotation", action: ["annotation:judge", "annotation:manage"] },
  { href: "alerts", label: "Alerts", action: "dashboards:read" },
  { href: "audit", label: "Audit", action: "audit:read" },
  { href: "settings", label: "Settings", action: "settings:read" },
];

export function sectionsFor(role: Role): NavSection[] {
  return NAV_SECTIONS.filter((s) => (typeof s.action === "string" ? [s.action] : s.action).some((a) => can(role, a)));
}
