import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { PROMPT_TABS, type PromptTab } from "./prompt-url-state";

/** Tabs are links (`?tab=`), so each one survives a reload and can be shared. */
export function PromptTabs({ current, hrefFor, counts }: { current: PromptTab; hrefFor: (tab: PromptTab) => string; counts?: Partial<Record<PromptTab, number>> }) {
  return (
    <nav className="flex gap-1 overflow-x-auto border-b border-zinc-200 dark:border-zinc-800" aria-label="Prompt sections">
      {PROMPT_TABS.map(([tab, label]) => (
        <Link
          key={tab}
          href={hrefFor(tab)}
          scroll={false}
          aria-current={tab === current ? "page" : undefined}
          className={cn("-mb-px whitespace-nowrap border-b-2 px-3 py-2 text-sm", tab === current ? "border-indigo-600 font-medium text-zinc-900 dark:text-zinc-100" : "border-transparent text-zinc-500 hover:text-zinc-800 dark:hover:text-zinc-200")}
        >
          {label}
          {counts?.[tab] ? <span className="ml-1.5 rounded-full bg-amber-100 px-1.5 text-xs text-amber-800 dark:bg-amber-900 dark:text-amber-200">{counts[tab]}</span> : null}
        </Link>
      ))}
    </nav>
  );
}
