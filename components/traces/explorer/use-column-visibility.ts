"use client";
import { useMemo, useSyncExternalStore } from "react";
import { type ColumnId, defaultColumns, parseStoredColumns, STORAGE_KEY, toggleColumn, XL, XXL } from "./column-visibility";

// Only the breakpoint tier matters, so a resize re-renders the table only when it crosses one.
const viewportTier = () => (window.innerWidth >= XXL ? XXL : window.innerWidth >= XL ? XL : 0);
const onResize = (cb: () => void) => {
  window.addEventListener("resize", cb);
  return () => window.removeEventListener("resize", cb);
};

// "storage" fires for other tabs only; our own writes announce themselves with this event.
const CHANGED = "pharos:trace-columns";
const onStoreChange = (cb: () => void) => {
  window.addEventListener("storage", cb);
  window.addEventListener(CHANGED, cb);
  return () => {
    window.removeEventListener("storage", cb);
    window.removeEventListener(CHANGED, cb);
  };
};
function readStored(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage disabled: the defaults apply
  }
}
function writeStored(columns: ColumnId[] | null) {
  try {
    if (columns) window.localStorage.setItem(STORAGE_KEY, JSON.stringify(columns));
    else window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // storage disabled: the pick lasts until the next render only
  }
  window.dispatchEvent(new Event(CHANGED));
}

/** The explorer's visible columns: the user's pick (kept in this browser) or the viewport's defaults. */
export function useColumnVisibility() {
  const tier = useSyncExternalStore(onResize, viewportTier, () => XL);
  const raw = useSyncExternalStore(onStoreChange, readStored, () => null);
  const picked = useMemo(() => parseStoredColumns(raw), [raw]);
  const visible = useMemo(() => picked ?? defaultColumns(tier), [picked, tier]);
  return {
    visible,
    custom: picked !== null,
    toggle: (id: ColumnId) => writeStored(toggleColumn(visible, id)),
    reset: () => writeStored(null),
  };
}
