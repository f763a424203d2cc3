import type { TextareaHTMLAttributes } from "react";
import { cn } from "@/components/ui/cn";

/** One line for tables: text as is, anything else as compact JSON. Rendered as text (never markup). */
export function previewText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  // Chat inputs ([…] or { messages: […] }): show the last user message, which people recognise.
  const messages = Array.isArray(value) ? value : Array.isArray((value as { messages?: unknown }).messages) ? (value as { messages: unknown[] }).messages : null;
  if (messages) {
    const last = [...messages].reverse().find((m) => m && typeof m === "object" && (m as { role?: unknown }).role === "user" && typeof (m as { content?: unknown }).content === "string");
    if (last) return `user: ${(last as { content: string }).content}`;
  }
  return JSON.stringify(value);
}

export function editorText(value: unknown): string {
  if (value === null || value === undefined) return "";
  return typeof value === "string" ? value : JSON.stringify(value, null, 2);
}

/** Editor text back to a value: JSON when asked for (with the parse error), else the text. */
export function parseEditorText(text: string, asJson: boolean): { value: unknown } | { error: string } {
  if (!asJson) return { value: text };
  if (text.trim() === "") return { value: null };
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { error: `Not valid JSON: ${(error as Error).message}` };
  }
}

export function JsonBlock({ value, className }: { value: unknown; className?: string }) {
  return (
    <pre className={cn("max-h-64 overflow-auto whitespace-pre-wrap break-words rounded-md bg-zinc-50 p-2 font-mono text-xs dark:bg-zinc-950", className)}>
      {value === null || value === undefined ? <span className="text-zinc-400">(none)</span> : editorText(value)}
    </pre>
  );
}

export function TextArea({ className, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <textarea
      className={cn("w-full rounded-md border border-zinc-300 bg-white px-3 py-2 font-mono text-xs focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500/20 dark:border-zinc-700 dark:bg-zinc-900", className)}
      {...props}
    />
  );
}

/** A text/JSON editor for an expected output (or input): JSON mode when the value is structured. */
export function ValueEditor({ id, label, text, asJson, onText, onAsJson, rows = 8 }: { id: string; label: string; text: string; asJson: boolean; onText: (t: string) => void; onAsJson: (v: boolean) => void; rows?: number }) {
  return (
    <div>
      <div className="mb-1 flex items-center justify-between">
        <label htmlFor={id} className="text-xs font-medium text-zinc-600 dark:text-zinc-400">{label}</label>
        <label className="flex items-center gap-1 text-xs text-zinc-500">
          <input type="checkbox" checked={asJson} onChange={(e) => onAsJson(e.target.checked)} /> JSON
        </label>
      </div>
      <TextArea id={id} rows={rows} value={text} onChange={(e) => onText(e.target.value)} spellCheck={false} />
    </div>
  );
}
