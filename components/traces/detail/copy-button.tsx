"use client";
import { Check, Copy } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { cn } from "@/components/ui/cn";

/** Clipboard API where the page is a secure context; the textarea fallback covers plain-http installs. */
export async function copyText(text: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand("copy");
  area.remove();
  if (!ok) throw new Error("copy refused");
}

export function CopyButton({ value, label, className, showLabel = true }: { value: string; label: string; className?: string; showLabel?: boolean }) {
  const [done, setDone] = useState(false);
  return (
    <button
      type="button"
      aria-label={`Copy ${label}`}
      title={`Copy ${label}`}
      className={cn("inline-flex h-7 items-center gap-1 rounded-md border border-zinc-200 px-2 text-xs text-zinc-600 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800", className)}
      onClick={() =>
        copyText(value).then(
          () => {
            setDone(true);
            toast.success(`${label[0]!.toUpperCase()}${label.slice(1)} copied`);
            setTimeout(() => setDone(false), 1200);
          },
          () => toast.error("Copy failed"),
        )
      }
    >
      {done ? <Check className="h-3.5 w-3.5" /> : <Copy className="h-3.5 w-3.5" />}
      {showLabel && label}
    </button>
  );
}
