import { useEffect, useRef } from "react";
import { isTypingTarget } from "@/components/ui/keyboard";

export type PromptShortcut = "next" | "prev" | "diff" | "try" | "edit";
const KEYS: Record<string, PromptShortcut> = { j: "next", k: "prev", d: "diff", t: "try", e: "edit" };

export const VERSION_KEYS = [["j / k", "older / newer version"], ["d", "diff against previous"], ["t", "try it"], ["e", "edit (new version)"]] as const;

/** j/k through versions, d diff, t try it, e edit; not while typing or while a dialog is open. */
export function usePromptShortcuts(enabled: boolean, onShortcut: (s: PromptShortcut) => void) {
  const handler = useRef(onShortcut);
  handler.current = onShortcut;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.metaKey || e.ctrlKey || e.altKey || isTypingTarget(e.target) || document.querySelector("[role=dialog]")) return;
      const action = KEYS[e.key];
      if (!action) return;
      e.preventDefault();
      handler.current(action);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [enabled]);
}
