import { type KeyboardEvent, type ReactNode, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input, Label, Select } from "@/components/ui/input";
import { activeFilterCount, type OverviewFilters } from "./overview-url-state";

type Props = { filters: OverviewFilters; environments: string[]; models: string[]; onChange: (next: OverviewFilters) => void };
type TextKey = "provider" | "promptName" | "release" | "userId";

const TEXT_FIELDS: { key: TextKey; label: string; placeholder: string }[] = [
  { key: "provider", label: "Provider", placeholder: "openai" },
  { key: "promptName", label: "Prompt", placeholder: "name" },
  { key: "release", label: "Release", placeholder: "v1.4.0" },
  { key: "userId", label: "User", placeholder: "user id" },
];

/** Every filter lives in the URL; free-text ones apply on Enter or when the field loses focus, not per keystroke. */
export function FilterBar({ filters, environments, models, onChange }: Props) {
  const set = (patch: Partial<OverviewFilters>) => onChange({ ...filters, ...patch });
  return (
    <div className="flex flex-wrap items-end gap-3 rounded-lg border border-zinc-200 bg-white px-4 py-3 dark:border-zinc-800 dark:bg-zinc-900">
      <Field label="Environment" id="filter-environment">
        <Select id="filter-environment" data-testid="filter-environment" className="h-8 w-44 text-xs" value={filters.environment ?? ""} onChange={(e) => set({ environment: e.target.value || undefined })}>
          <option value="">All environments</option>
          {environments.map((v) => <option key={v} value={v}>{v}</option>)}
        </Select>
      </Field>
      <Field label="Model" id="filter-model">
        <Select id="filter-model" data-testid="filter-model" className="h-8 w-48 text-xs" value={filters.model ?? ""} onChange={(e) => set({ model: e.target.value || undefined })}>
          <option value="">All models</option>
          {models.map((v) => <option key={v} value={v}>{v}</option>)}
        </Select>
      </Field>
      {TEXT_FIELDS.map((f) => (
        <Field key={f.key} label={f.label} id={`filter-${f.key}`}>
          <CommitInput id={`filter-${f.key}`} className="w-32" value={filters[f.key] ?? ""} placeholder={f.placeholder} onCommit={(v) => set({ [f.key]: v || undefined })} />
        </Field>
      ))}
      <Field label="Version" id="filter-promptVersion">
        <CommitInput
          id="filter-promptVersion" className="w-20" inputMode="numeric" placeholder="any" value={filters.promptVersion ? String(filters.promptVersion) : ""}
          onCommit={(v) => set({ promptVersion: /^\d+$/.test(v) && Number(v) > 0 ? Number(v) : undefined })}
        />
      </Field>
      <Field label="Tags" id="filter-tags">
        <CommitInput id="filter-tags" className="w-36" placeholder="a, b" value={filters.tags?.join(", ") ?? ""} onCommit={(v) => set({ tags: v.split(",").map((t) => t.trim()).filter(Boolean) })} />
      </Field>
      {activeFilterCount(filters) > 0 && (
        <Button variant="ghost" size="sm" className="mb-0.5" onClick={() => onChange({})} data-testid="filter-clear">Clear filters</Button>
      )}
    </div>
  );
}

function Field({ label, id, children }: { label: string; id: string; children: ReactNode }) {
  return (
    <div>
      <Label htmlFor={id}>{label}</Label>
      {children}
    </div>
  );
}

function CommitInput({ value, onCommit, className, ...rest }: { id: string; value: string; onCommit: (v: string) => void; className?: string; placeholder?: string; inputMode?: "numeric" }) {
  // The draft is keyed to the URL value, so a change from elsewhere (back button, "Clear filters") resets it.
  const [draft, setDraft] = useState({ base: value, text: value });
  const text = draft.base === value ? draft.text : value;
  const commit = () => text.trim() !== value && onCommit(text.trim());
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => e.key === "Enter" && commit();
  return (
    <Input {...rest} data-testid={rest.id} className={`h-8 text-xs ${className ?? ""}`} value={text} onChange={(e) => setDraft({ base: value, text: e.target.value })} onBlur={commit} onKeyDown={onKeyDown} />
  );
}
