"use client";
import { type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

/** Span filters of a drift report; they live in the URL (env, llm, prompt, version). */
export type DriftFilterValues = { environment?: string; model?: string; promptName?: string; promptVersion?: number };

export function readFilters(search: URLSearchParams): DriftFilterValues {
  const version = Number(search.get("version"));
  return {
    ...(search.get("env") ? { environment: search.get("env")! } : {}),
    ...(search.get("llm") ? { model: search.get("llm")! } : {}),
    ...(search.get("prompt") ? { promptName: search.get("prompt")! } : {}),
    ...(Number.isInteger(version) && version > 0 ? { promptVersion: version } : {}),
  };
}

export function sameFilters(stored: Record<string, string | number> | null, wanted: DriftFilterValues): boolean {
  const a = Object.entries(stored ?? {}).filter(([, v]) => v !== undefined && v !== null && v !== "").sort();
  const b = Object.entries(wanted).sort();
  return JSON.stringify(a) === JSON.stringify(b);
}

export function DriftFilterBar({ filters, onChange }: { filters: DriftFilterValues; onChange: (params: Record<string, string | null>) => void }) {
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const value = (k: string) => String(f.get(k) ?? "").trim() || null;
    onChange({ env: value("env"), llm: value("llm"), prompt: value("prompt"), version: value("version") });
  }
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-center gap-2 text-sm" aria-label="Span filters" key={JSON.stringify(filters)}>
      <span className="text-xs text-zinc-500">Only spans with</span>
      <div className="w-36"><Input name="env" aria-label="Environment" placeholder="environment" defaultValue={filters.environment ?? ""} /></div>
      <div className="w-40"><Input name="llm" aria-label="LLM model" placeholder="LLM model" defaultValue={filters.model ?? ""} /></div>
      <div className="w-40"><Input name="prompt" aria-label="Prompt name" placeholder="prompt name" defaultValue={filters.promptName ?? ""} /></div>
      <div className="w-24"><Input name="version" aria-label="Prompt version" placeholder="version" type="number" min={1} defaultValue={filters.promptVersion ?? ""} /></div>
      <Button type="submit" variant="secondary" size="sm">Apply</Button>
      {Object.keys(filters).length > 0 && <Button variant="ghost" size="sm" onClick={() => onChange({ env: null, llm: null, prompt: null, version: null })}>Clear</Button>}
    </form>
  );
}
