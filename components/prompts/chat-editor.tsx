"use client";
import { ArrowDown, ArrowUp, ListPlus, MessageSquarePlus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Input, Select } from "@/components/ui/input";
import { TextArea } from "@/components/datasets/json-value";
import { CHAT_ROLES, type ChatRow } from "./prompt-draft-model";

type Props = { rows: ChatRow[]; onChange: (rows: ChatRow[]) => void; errorIndex?: number | null };

/** A chat prompt's messages: role + content rows, and placeholders where a message list (history) goes. */
export function ChatEditor({ rows, onChange, errorIndex }: Props) {
  const set = (i: number, row: ChatRow) => onChange(rows.map((r, k) => (k === i ? row : r)));
  const move = (i: number, by: -1 | 1) => {
    const next = [...rows];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    onChange(next);
  };
  return (
    <div className="space-y-2" data-testid="chat-editor">
      {rows.map((row, i) => (
        <div key={i} data-testid="chat-row" className={cn("flex gap-2 rounded-md border border-zinc-200 p-2 dark:border-zinc-800", errorIndex === i && "border-red-300 dark:border-red-800", row.kind === "placeholder" && "border-dashed bg-zinc-50 dark:bg-zinc-950")}>
          <div className="w-32 shrink-0 space-y-1">
            {row.kind === "message" ? (
              <Select aria-label={`Message ${i + 1} role`} value={row.role} onChange={(e) => set(i, { ...row, role: e.target.value })} className="h-8 text-xs">
                {[...new Set([...CHAT_ROLES, row.role])].map((r) => <option key={r} value={r}>{r}</option>)}
              </Select>
            ) : (
              <span className="block px-1 pt-1.5 text-xs font-medium text-zinc-500">placeholder</span>
            )}
            <div className="flex gap-0.5">
              <Button size="sm" variant="ghost" aria-label={`Move message ${i + 1} up`} disabled={i === 0} onClick={() => move(i, -1)}><ArrowUp className="size-3.5" /></Button>
              <Button size="sm" variant="ghost" aria-label={`Move message ${i + 1} down`} disabled={i === rows.length - 1} onClick={() => move(i, 1)}><ArrowDown className="size-3.5" /></Button>
              <Button size="sm" variant="ghost" aria-label={`Remove message ${i + 1}`} disabled={rows.length === 1} onClick={() => onChange(rows.filter((_, k) => k !== i))}><Trash2 className="size-3.5" /></Button>
            </div>
          </div>
          {row.kind === "message" ? (
            <TextArea aria-label={`Message ${i + 1} content`} rows={Math.min(12, Math.max(3, row.content.split("\n").length + 1))} value={row.content} onChange={(e) => set(i, { ...row, content: e.target.value })} spellCheck={false} />
          ) : (
            <div className="flex-1">
              <Input aria-label={`Placeholder ${i + 1} name`} value={row.name} onChange={(e) => set(i, { ...row, name: e.target.value })} placeholder="history" className="h-8 font-mono text-xs" />
              <p className="mt-1 text-xs text-zinc-500">Filled with a list of messages when the prompt is compiled (e.g. the conversation so far).</p>
            </div>
          )}
        </div>
      ))}
      <div className="flex gap-2">
        <Button size="sm" variant="secondary" onClick={() => onChange([...rows, { kind: "message", role: "user", content: "" }])}><MessageSquarePlus className="size-3.5" /> Add message</Button>
        <Button size="sm" variant="secondary" onClick={() => onChange([...rows, { kind: "placeholder", name: "history" }])}><ListPlus className="size-3.5" /> Add placeholder</Button>
      </div>
    </div>
  );
}
