import { useCallback, useEffect, useState } from "react";

/** The items checked for a bulk change; only listed items stay checked. */
export function useCheckedItems(items: { id: string }[]) {
  const [checked, setChecked] = useState<Set<string>>(new Set());

  // Checked items that are no longer listed (other tab, filtered out) are dropped.
  useEffect(() => {
    setChecked((prev) => {
      const next = new Set([...prev].filter((id) => items.some((i) => i.id === id)));
      return next.size === prev.size ? prev : next;
    });
  }, [items]);

  const toggle = useCallback((id: string) => setChecked((prev) => {
    const next = new Set(prev);
    if (!next.delete(id)) next.add(id);
    return next;
  }), []);
  const toggleAll = () => setChecked((prev) => (items.every((i) => prev.has(i.id)) ? new Set() : new Set(items.map((i) => i.id))));
  const clear = useCallback(() => setChecked(new Set()), []);

  return { checked, toggle, toggleAll, clear };
}
