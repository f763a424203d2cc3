import { type KeyboardEvent, type ReactNode, useState } from "react";
import { Input, Label, Select } from "@/components/ui/input";

export function Field({ label, id, children }: { label: string; id: string; children: ReactNode }) {
  return (
    <div>
      <Label htmlFor={id}>{label}</Label>
      {children}
    </div>
  );
}

/** A select whose first option means "no filter"; the current value stays listed even if no longer offered. */
export function OptionSelect({ id, value, options, any, onChange, className }: { id: string; value?: string; options: readonly (string | [string, string])[]; any: string; onChange: (v: string | undefined) => void; className?: string }) {
  const pairs = options.map((o) => (Array.isArray(o) ? o : [o, o]) as [string, string]);
  if (value && !pairs.some(([v]) => v === value)) pairs.unshift([value, value]);
  return (
    <Select id={id} data-testid={id} className={`h-8 text-xs ${className ?? "w-40"}`} value={value ?? ""} onChange={(e) => onChange(e.target.value || undefined)}>
      <option value="">{any}</option>
      {pairs.map(([v, label]) => <option key={v} value={v}>{label}</option>)}
    </Select>
  );
}

/** Free text applies on Enter or blur, not per keystroke, so typing doesn't fire a query per letter. */
export function CommitInput({ value, onCommit, className, ...rest }: { id: string; value: string; onCommit: (v: string) => void; className?: string; placeholder?: string; inputMode?: "numeric" | "decimal" }) {
  const [draft, setDraft] = useState({ base: value, text: value });
  const text = draft.base === value ? draft.text : value;
  const commit = () => text.trim() !== value && onCommit(text.trim());
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => e.key === "Enter" && commit();
  return <Input {...rest} data-testid={rest.id} className={`h-8 text-xs ${className ?? ""}`} value={text} onChange={(e) => setDraft({ base: value, text: e.target.value })} onBlur={commit} onKeyDown={onKeyDown} />;
}
