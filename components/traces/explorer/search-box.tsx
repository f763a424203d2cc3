"use client";
import { Search } from "lucide-react";
import { type KeyboardEvent, useEffect, useRef, useState } from "react";
import { cn } from "@/components/ui/cn";
import { isTypingTarget } from "@/components/ui/keyboard";

/** Searches input and output text on Enter; "/" anywhere on the page focuses it, Escape leaves it. */
export function SearchBox({ value, onCommit }: { value: string; onCommit: (q: string) => void }) {
  const ref = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState({ base: value, text: value });
  const text = draft.base === value ? draft.text : value;

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key !== "/" || e.metaKey || e.ctrlKey || e.altKey) return;
      if (isTypingTarget(e.target)) return;
      e.preventDefault();
      ref.current?.focus();
      ref.current?.select();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Enter") onCommit(text.trim());
    if (e.key === "Escape") ref.current?.blur();
  };
  return (
    <div className="relative w-full max-w-md">
      <Search className="pointer-events-none absolute left-2.5 top-1/2 h-3.5 w-3.5 -translate-y-1/2 text-zinc-400" />
      <input
        ref={ref} type="search" data-testid="trace-search" aria-label="Search input and output" placeholder="Search input and output…  ( / )"
        className={cn("h-8 w-full rounded-md border border-zinc-300 bg-white pl-8 pr-3 text-xs placeholder:text-zinc-400 focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500/20 dark:border-zinc-700 dark:bg-zinc-900")} value={text} onChange={(e) => setDraft({ base: value, text: e.target.value })} onKeyDown={onKeyDown}
        onBlur={() => text.trim() !== value && onCommit(text.trim())}
      />
    </div>
  );
}
