import { useCallback, useEffect, useRef, useState } from "react";
import type { TriageItemRow } from "@/lib/queries/triage/keys";
import { type InboxView, serializeInboxView } from "./inbox-url-state";

type Options = { items: TriageItemRow[]; view: InboxView; pathname: string; linkedItemId: string | null; loadMore: () => void };

/** The selected item: kept valid as the list changes, written to the link, moved by j/k. */
export function useInboxSelection({ items, view, pathname, linkedItemId, loadMore }: Options) {
  const [selectedId, setSelectedId] = useState<string | null>(() => linkedItemId);
  const lastIndex = useRef(0);

  // Keep a valid selection: when the selected item leaves the list (resolved in the Open tab),
  // the one that took its place is selected, so r, r, r walks down the inbox.
  useEffect(() => {
    if (!items.length) return;
    const index = selectedId ? items.findIndex((i) => i.id === selectedId) : -1;
    if (index >= 0) lastIndex.current = index;
    else setSelectedId(items[Math.min(lastIndex.current, items.length - 1)]!.id);
  }, [items, selectedId]);

  // The selected item is part of the link (without a navigation per keystroke).
  useEffect(() => {
    const qs = serializeInboxView(view, selectedId);
    const url = qs ? `${pathname}?${qs}` : pathname;
    if (`${window.location.pathname}${window.location.search}` !== url) window.history.replaceState(window.history.state, "", url);
    if (selectedId) document.getElementById(`inbox-item-${selectedId}`)?.scrollIntoView({ block: "nearest" });
  }, [view, selectedId, pathname]);

  // Moving near the end of what is loaded fetches the next page, so j never hits a wall.
  const move = useCallback(
    (step: 1 | -1) => {
      if (!items.length) return;
      const index = selectedId ? items.findIndex((i) => i.id === selectedId) : -1;
      const next = Math.max(0, Math.min(items.length - 1, index + step));
      setSelectedId(items[next]!.id);
      if (step === 1 && next >= items.length - 3) loadMore();
    },
    [items, selectedId, loadMore],
  );

  return { selectedId, setSelectedId, move };
}
