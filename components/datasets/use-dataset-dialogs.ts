import { useEffect, useState } from "react";
import { isTypingTarget } from "@/components/ui/keyboard";
import type { DatasetItemRow } from "@/lib/queries/datasets/keys";

/** Which of the golden set's dialogs is open, and the keys that open them. */
export function useDatasetDialogs(readOnly: boolean) {
  // `item: null` is the add-item dialog; an item is the edit dialog for it.
  const [editing, setEditing] = useState<{ item: DatasetItemRow | null } | null>(null);
  const [historyOf, setHistoryOf] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const [settings, setSettings] = useState(false);

  // "n" adds an item (like "n" for a new set on the list), "u" uploads a file to import — not
  // "a"/"i", which mean assign/ignore in the inbox. Not while typing or on a snapshot.
  useEffect(() => {
    if (readOnly) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.metaKey || e.ctrlKey || e.altKey || isTypingTarget(e.target) || document.querySelector("[role=dialog]")) return;
      if (e.key === "u") (e.preventDefault(), setImporting(true));
      if (e.key === "n") (e.preventDefault(), setEditing({ item: null }));
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [readOnly]);

  return { editing, setEditing, historyOf, setHistoryOf, importing, setImporting, settings, setSettings };
}
