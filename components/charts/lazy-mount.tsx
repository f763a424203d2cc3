"use client";
import { type ReactNode, useEffect, useRef, useState } from "react";

/**
 * Renders its children once they come within `margin` of the viewport, and keeps them after that. Charts
 * below the fold then cost nothing on the first paint; a placeholder of their height keeps the page steady.
 */
export function LazyMount({ children, placeholder, margin = "300px" }: { children: ReactNode; placeholder: ReactNode; margin?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (shown || !el) return;
    if (typeof IntersectionObserver === "undefined") {
      setShown(true);
      return;
    }
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setShown(true), { rootMargin: margin });
    io.observe(el);
    return () => io.disconnect();
  }, [shown, margin]);
  return <div ref={ref}>{shown ? children : placeholder}</div>;
}
