"use client";
import { SlidersHorizontal } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { TraceFilterOptions } from "@/lib/queries/traces/keys";
import { TRACE_FLAGS as FLAGS } from "@/lib/schemas/traces";
import { activeFilterCount, type ExplorerRange, type ExplorerState, type FilterKey } from "./explorer-state";
import { CommitInput, Field, OptionSelect } from "./filter-fields";

const RANGE_LABELS: [ExplorerRange, string][] = [["1h", "Last hour"], ["24h", "Last 24 hours"], ["7d", "Last 7 days"], ["30d", "Last 30 days"], ["all", "All time"]];
const MORE: FilterKey[] = ["promptName", "promptVersion", "release", "name", "userId", "sessionId", "tags", "flags", "latencyMin", "latencyMax", "costMin", "costMax", "scoreName", "scoreMin", "scoreMax"];

type Props = { state: ExplorerState; options?: TraceFilterOptions; onChange: (next: ExplorerState) => void };

/** Every filter lives in the URL. The common ones are always shown; the rest open under "More filters". */
export function FilterBar({ state, options, onChange }: Props) {
  const moreActive = MORE.filter((k) => state.filters[k]).length;
  const [open, setOpen] = useState(moreActive > 0);
  const f = state.filters;
  const set = (key: FilterKey, value: string | undefined) => onChange({ ...state, filters: { ...f, [key]: value || undefined } });
  const text = (key: FilterKey, label: string, placeholder: string, className = "w-28", inputMode?: "decimal") => (
    <Field key={key} label={label} id={`filter-${key}`}>
      <CommitInput id={`filter-${key}`} className={className} value={f[key] ?? ""} placeholder={placeholder} inputMode={inputMode} onCommit={(v) => set(key, v)} />
    </Field>
  );
  const flags = new Set((f.flags ?? "").split(",").filter(Boolean));
  const toggleFlag = (flag: string) => {
    flags.has(flag) ? flags.delete(flag) : flags.add(flag);
    set("flags", FLAGS.filter((x) => flags.has(x)).join(","));
  };

  return (
    <div className="space-y-3 rounded-lg border border-zinc-200 bg-white px-4 py-3 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="flex flex-wrap items-end gap-3">
        <Field label="Time" id="filter-range">
          <OptionSelect id="filter-range" any="Last 7 days" value={state.range === "7d" ? undefined : state.range} options={RANGE_LABELS.filter(([r]) => r !== "7d")}
            onChange={(v) => onChange({ ...state, range: (v as ExplorerRange | undefined) ?? "7d", from: undefined, to: undefined })} />
        </Field>
        <Field label="Status" id="filter-status">
          <OptionSelect id="filter-status" any="Any status" value={f.status} options={[["error", "Errors"], ["ok", "OK"]]} onChange={(v) => set("status", v)} className="w-32" />
        </Field>
        <Field label="Model" id="filter-model">
          <OptionSelect id="filter-model" any="All models" value={f.model} options={options?.models ?? []} onChange={(v) => set("model", v)} className="w-48" />
        </Field>
        <Field label="Environment" id="filter-environment">
          <OptionSelect id="filter-environment" any="All environments" value={f.environment} options={options?.environments ?? []} onChange={(v) => set("environment", v)} className="w-44" />
        </Field>
        <Field label="Feedback" id="filter-feedback">
          <OptionSelect id="filter-feedback" any="Any feedback" value={f.feedback} options={[["down", "Thumbs down"], ["up", "Thumbs up"], ["any", "Has feedback"], ["none", "No feedback"]]} onChange={(v) => set("feedback", v)} />
        </Field>
        <Button variant="secondary" size="sm" className="mb-0.5" onClick={() => setOpen(!open)} aria-expanded={open} data-testid="filter-more">
          <SlidersHorizontal className="h-3.5 w-3.5" /> More filters{moreActive ? ` (${moreActive})` : ""}
        </Button>
        {activeFilterCount(state) > 0 && (
          <Button variant="ghost" size="sm" className="mb-0.5" onClick={() => onChange({ ...state, filters: {} })} data-testid="filter-clear">Clear filters</Button>
        )}
      </div>
      {open && (
        <div className="flex flex-wrap items-end gap-3 border-t border-zinc-100 pt-3 dark:border-zinc-800">
          <Field label="Prompt" id="filter-promptName">
            <OptionSelect id="filter-promptName" any="Any prompt" value={f.promptName} options={options?.promptNames ?? []} onChange={(v) => set("promptName", v)} />
          </Field>
          {text("promptVersion", "Version", "any", "w-16", "decimal")}
          <Field label="Release" id="filter-release">
            <OptionSelect id="filter-release" any="Any release" value={f.release} options={options?.releases ?? []} onChange={(v) => set("release", v)} className="w-32" />
          </Field>
          <Field label="Name" id="filter-name">
            <OptionSelect id="filter-name" any="Any name" value={f.name} options={options?.names ?? []} onChange={(v) => set("name", v)} />
          </Field>
          {text("userId", "User", "user id")}
          {text("sessionId", "Session", "session id")}
          {text("tags", "Tags (all of)", "a, b", "w-32")}
          <fieldset className="mb-1.5 flex items-center gap-2 text-xs">
            <legend className="mb-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">Flags</legend>
            {FLAGS.map((flag) => (
              <label key={flag} className="flex items-center gap-1">
                <input type="checkbox" data-testid={`filter-flag-${flag}`} checked={flags.has(flag)} onChange={() => toggleFlag(flag)} /> {flag.replace("_", " ")}
              </label>
            ))}
          </fieldset>
          {text("latencyMin", "Latency ≥ ms", "0", "w-20", "decimal")}
          {text("latencyMax", "Latency ≤ ms", "∞", "w-20", "decimal")}
          {text("costMin", "Cost ≥ $", "0", "w-20", "decimal")}
          {text("costMax", "Cost ≤ $", "∞", "w-20", "decimal")}
          {text("scoreName", "Score name", "name", "w-24")}
          {text("scoreMin", "Score ≥", "min", "w-16", "decimal")}
          {text("scoreMax", "Score ≤", "max", "w-16", "decimal")}
        </div>
      )}
    </div>
  );
}
