import { useRouter } from "next/navigation";
import { useCallback, useEffect } from "react";
import type { TriageChange, TriageItemRow, UserRef } from "@/lib/queries/triage/keys";
import { inboxToast } from "./inbox-toast";
import { type InboxShortcut, inboxShortcut } from "./inbox-url-state";

type Options = {
  items: TriageItemRow[]; selectedId: string | null; checked: Set<string>; me: UserRef; role: string; canUpdate: boolean;
  move: (step: 1 | -1) => void; apply: (itemIds: string[], c: TriageChange, assignee?: UserRef | null) => void;
  toggle: (id: string) => void; clear: () => void;
  traceHref: (traceId: string) => string; promoteHref: (item: { id: string; traceId: string }) => string;
};

/** The inbox's keys (see ShortcutLegend): changes go to the checked items, or else to the selected one. */
export function useInboxShortcuts(o: Options) {
  const { items, selectedId, checked, me, role, canUpdate, move, apply, toggle, clear, traceHref, promoteHref } = o;
  const router = useRouter();
  const targets = useCallback(() => (checked.size ? [...checked] : selectedId ? [selectedId] : []), [checked, selectedId]);

  const run = useCallback(
    (action: InboxShortcut) => {
      const selected = items.find((i) => i.id === selectedId);
      switch (action) {
        case "next": return move(1);
        case "prev": return move(-1);
        case "assign": return apply(targets(), { assigneeId: me.id }, me);
        case "resolve": return apply(targets(), { status: "resolved" });
        case "ignore": return apply(targets(), { status: "ignored" });
        case "open": return selected && router.push(traceHref(selected.traceId));
        case "promote":
          if (!canUpdate) return inboxToast.error(`Your role (${role}) cannot promote to golden sets`);
          return selected && router.push(promoteHref(selected));
        case "toggle":
          if (!canUpdate || !selectedId) return;
          return toggle(selectedId);
        case "clear": return clear();
        case "help": return inboxToast.message("j/k move · a assign to me · r resolve · i ignore · x check · ↵ open trace · g promote");
      }
    },
    [items, selectedId, move, apply, targets, me, router, traceHref, promoteHref, canUpdate, role, toggle, clear],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = inboxShortcut(e);
      if (!action) return;
      e.preventDefault();
      run(action);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [run]);
}
