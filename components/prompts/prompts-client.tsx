"use client";
import { Plus, Search } from "lucide-react";
import { useSearchParams } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, EmptyState, Skeleton } from "@/components/ui/card";
import { KeyLegend } from "@/components/ui/key-legend";
import { isTypingTarget } from "@/components/ui/keyboard";
import { FieldError, Input, Select } from "@/components/ui/input";
import { usePromptsQuery } from "@/lib/queries/prompts/use-prompts-query";
import { NewPromptDialog } from "./new-prompt-dialog";
import { filterPrompts, knownLabels, parseListFilters } from "./prompt-list-model";
import { PromptsEmpty } from "./prompts-empty";
import { PromptsTable } from "./prompts-table";
import { useSearchParamsPatch } from "./use-search-params-patch";

export function PromptsClient({ projectId, canEdit }: { projectId: string; canEdit: boolean }) {
  const filters = parseListFilters(useSearchParams());
  const patch = useSearchParamsPatch();
  const prompts = usePromptsQuery(projectId, filters.q || undefined);
  const [creating, setCreating] = useState(false);
  const [q, setQ] = useState(filters.q);
  const searchRef = useRef<HTMLInputElement>(null);
  const [origin, setOrigin] = useState("https://pharos.example.com");

  useEffect(() => setOrigin(window.location.origin), []);
  // The search box writes ?q= a moment after typing stops, so the URL is shareable without a reload per key.
  useEffect(() => {
    if (q.trim() === filters.q) return;
    const timer = setTimeout(() => patch({ q: q.trim() || null }), 250);
    return () => clearTimeout(timer);
  }, [q]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.metaKey || e.ctrlKey || e.altKey || isTypingTarget(e.target)) return;
      if (e.key === "/") (e.preventDefault(), searchRef.current?.focus());
      if (e.key === "n" && canEdit) (e.preventDefault(), setCreating(true));
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [canEdit]);

  const rows = prompts.data ? filterPrompts(prompts.data, filters) : [];
  const filtered = Boolean(filters.q || filters.type || filters.label);
  return (
    <div className="space-y-4">
      <div className="flex items-start justify-between gap-4">
        <div>
          <h1 className="text-xl font-semibold">Prompts</h1>
          <p className="text-sm text-zinc-500">Versioned prompts; your app fetches the version behind a label, and labels move after review.</p>
          <KeyLegend className="mt-1" keys={canEdit ? [["/", "search"], ["n", "new prompt"]] : [["/", "search"]]} />
        </div>
        {canEdit && <Button className="shrink-0" onClick={() => setCreating(true)} title="New prompt (n)"><Plus className="size-4" /> New prompt</Button>}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <div className="relative w-72">
          <Search className="pointer-events-none absolute left-2.5 top-2.5 size-4 text-zinc-400" />
          <Input ref={searchRef} aria-label="Search prompts" placeholder="Search by name" value={q} onChange={(e) => setQ(e.target.value)} className="pl-8" />
        </div>
        <Select aria-label="Type" value={filters.type ?? ""} onChange={(e) => patch({ type: e.target.value || null })} className="w-32">
          <option value="">All types</option>
          <option value="text">Text</option>
          <option value="chat">Chat</option>
        </Select>
        <Select aria-label="Label" value={filters.label ?? ""} onChange={(e) => patch({ label: e.target.value || null })} className="w-40">
          <option value="">Any label</option>
          {[...new Set([...knownLabels(prompts.data ?? []), ...(filters.label ? [filters.label] : [])])].map((l) => <option key={l} value={l}>{l}</option>)}
        </Select>
      </div>
      <Card>
        {prompts.isPending ? (
          <div className="space-y-2" data-testid="prompts-loading"><Skeleton className="h-8 w-full" /><Skeleton className="h-8 w-full" /><Skeleton className="h-8 w-2/3" /></div>
        ) : prompts.isError ? (
          <FieldError>{prompts.error.message}</FieldError>
        ) : rows.length === 0 && filtered ? (
          <EmptyState title="No prompt matches these filters"><button type="button" className="underline" onClick={() => (setQ(""), patch({ q: null, type: null, label: null }))}>Clear filters</button></EmptyState>
        ) : rows.length === 0 ? (
          <PromptsEmpty canEdit={canEdit} onCreate={() => setCreating(true)} origin={origin} />
        ) : (
          <PromptsTable projectId={projectId} rows={rows} />
        )}
      </Card>
      <NewPromptDialog projectId={projectId} open={creating} onOpenChange={setCreating} />
    </div>
  );
}
