import { ALL_REASONS } from "@/lib/triage/rules";
import { isTriageStatus, type TriageStatus } from "@/lib/triage/status";
import type { TriageFilters } from "@/lib/queries/triage/keys";
import { isTypingTarget } from "@/components/ui/keyboard";

/** The status tab: a status, or "all". Absent from the URL means "open" (the working view). */
export type StatusTab = TriageStatus | "all";
export type InboxView = { tab: StatusTab; reason: string | null; assignee: string | null };

type Params = { get(name: string): string | null };

export function parseInboxView(params: Params): InboxView {
  const status = params.get("status");
  const reason = params.get("reason");
  const assignee = params.get("assignee");
  return {
    tab: status === "all" ? "all" : status && isTriageStatus(status) ? status : "open",
    reason: reason && (ALL_REASONS as readonly string[]).includes(reason) ? reason : null,
    assignee: assignee && /^[\w-]{1,100}$/.test(assignee) ? assignee : null,
  };
}

/** Query string for a view (defaults left out so the plain URL stays plain); keeps the selected item. */
export function serializeInboxView(view: InboxView, itemId?: string | null): string {
  const qs = new URLSearchParams();
  if (view.tab !== "open") qs.set("status", view.tab);
  if (view.reason) qs.set("reason", view.reason);
  if (view.assignee) qs.set("assignee", view.assignee);
  if (itemId) qs.set("item", itemId);
  return qs.toString();
}

export function viewFilters(view: InboxView): TriageFilters {
  return {
    ...(view.tab !== "all" ? { status: view.tab } : {}),
    ...(view.reason ? { reason: view.reason } : {}),
    ...(view.assignee ? { assignee: view.assignee } : {}),
  };
}

export type InboxShortcut = "next" | "prev" | "assign" | "resolve" | "ignore" | "open" | "promote" | "toggle" | "clear" | "help";

const KEYS: Record<string, InboxShortcut> = {
  j: "next", ArrowDown: "next", k: "prev", ArrowUp: "prev", a: "assign", r: "resolve", i: "ignore",
  Enter: "open", g: "promote", x: "toggle", Escape: "clear", "?": "help",
};

type KeyLike = { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; target: EventTarget | null; defaultPrevented?: boolean };


/** The inbox action for a key press, or null (modifier chords, typing, and other keys pass through). */
export function inboxShortcut(e: KeyLike): InboxShortcut | null {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target)) return null;
  // Enter on a focused button or link belongs to that control.
  if (e.key === "Enter") {
    const tag = (e.target as { tagName?: string } | null)?.tagName?.toLowerCase();
    if (tag === "button" || tag === "a" || tag === "input") return null;
  }
  return KEYS[e.key] ?? null;
}
