"use client";
import { Copy } from "lucide-react";
import { toast } from "sonner";

export function CopyField({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <p className="mb-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">{label}</p>
      <div className="flex items-center gap-2 rounded-md border border-zinc-300 bg-zinc-50 px-2 py-1.5 dark:border-zinc-700 dark:bg-zinc-950">
        <code className="min-w-0 flex-1 break-all font-mono text-xs" data-testid={testId}>
          {value}
        </code>
        <button
          type="button"
          aria-label={`Copy ${label}`}
          className="rounded p-1 text-zinc-500 hover:bg-zinc-200 dark:hover:bg-zinc-800"
          onClick={() => navigator.clipboard.writeText(value).then(() => toast.success(`${label} copied`), () => toast.error("Copy failed"))}
        >
          <Copy className="h-3.5 w-3.5" />
        </button>
      </div>
    </div>
  );
}
