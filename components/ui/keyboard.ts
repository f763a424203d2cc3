/** Keyboard shortcuts: when a key press belongs to the user's typing rather than to the page. */

// Inputs that take no typing: a row's checkbox keeps focus after a click, and j/k must still work.
const NON_TEXT_INPUTS = new Set(["checkbox", "radio", "button", "submit", "reset"]);

/** True while the user types somewhere: shortcuts must not steal their keys. */
export function isTypingTarget(target: EventTarget | null): boolean {
  const el = target as { tagName?: string; type?: string; isContentEditable?: boolean; closest?: (s: string) => unknown } | null;
  if (!el || typeof el.tagName !== "string") return false;
  const tag = el.tagName.toLowerCase();
  if (tag === "input") return !NON_TEXT_INPUTS.has(String(el.type ?? "text").toLowerCase());
  return tag === "textarea" || tag === "select" || el.isContentEditable === true || Boolean(el.closest?.("[role=dialog]"));
}
