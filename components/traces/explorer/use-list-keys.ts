import { useEffect, useRef } from "react";
import { isTypingTarget } from "@/components/ui/keyboard";

/** j/k move the selected row, Enter opens it — unless the user is typing in a field or a dialog/menu is open. */
export function useListKeys(o: { count: number; selected: number; setSelected: (i: number) => void; onOpen: (i: number) => void }) {
  const ref = useRef(o);
  ref.current = o;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.metaKey || e.ctrlKey || e.altKey) return;
      const target = e.target as HTMLElement | null;
      if (isTypingTarget(target) || target?.closest("[role=menu]")) return;
      const { count, selected, setSelected, onOpen } = ref.current;
      if (e.key === "j") setSelected(Math.min(count - 1, selected + 1));
      else if (e.key === "k") setSelected(Math.max(0, selected - 1));
      // Enter on a focused button or link is that control's own action.
      else if (e.key === "Enter" && selected >= 0 && !target?.closest("button,a")) onOpen(selected);
      else return;
      e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
