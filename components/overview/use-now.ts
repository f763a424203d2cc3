import { useEffect, useState } from "react";

/** "Now" for relative ranges, moved on every minute while the tab is visible so the charts stay live. */
export function useNow(): [number, () => void] {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => document.visibilityState === "visible" && setNow(Date.now()), 60_000);
    return () => clearInterval(id);
  }, []);
  return [now, () => setNow(Date.now())];
}
