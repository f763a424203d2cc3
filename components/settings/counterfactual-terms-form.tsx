"use client";
import { Plus, X } from "lucide-react";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card, Skeleton } from "@/components/ui/card";
import { FieldError, Input } from "@/components/ui/input";
import { counterfactualTermsSchema, TERM_CATEGORIES, type TermPair } from "@/lib/counterfactual/terms";
import { useCounterfactualTermsQuery } from "@/lib/queries/counterfactual/use-counterfactual-terms-query";
import { useUpdateCounterfactualTerms } from "@/lib/queries/counterfactual/use-update-counterfactual-terms";

export function CounterfactualTermsSettings({ projectId, canEdit }: { projectId: string; canEdit: boolean }) {
  const terms = useCounterfactualTermsQuery(projectId);
  if (terms.isPending) return <Skeleton className="h-64 w-full" />;
  if (terms.isError) return <FieldError>{terms.error.message}</FieldError>;
  // Keyed so a save (or reset) re-seeds the form from the server's answer.
  return <TermsForm key={JSON.stringify(terms.data.pairs)} projectId={projectId} initial={terms.data.pairs} isDefault={terms.data.isDefault} canEdit={canEdit} />;
}

/** The first problem of a list, as "Pair 4 (b): …", or null when it would save. */
export function termsProblem(pairs: TermPair[]): string | null {
  const parsed = counterfactualTermsSchema.safeParse({ pairs });
  if (parsed.success) return null;
  const issue = parsed.error.issues[0]!;
  const [, index, field] = issue.path;
  return typeof index === "number" ? `Pair ${index + 1}${field ? ` (${String(field)})` : ""}: ${issue.message}` : issue.message;
}

/** Term pairs by category: a counterfactual run swaps each term with its counterpart and checks the answer stays the same. */
function TermsForm({ projectId, initial, isDefault, canEdit }: { projectId: string; initial: TermPair[]; isDefault: boolean; canEdit: boolean }) {
  const update = useUpdateCounterfactualTerms(projectId);
  const [pairs, setPairs] = useState<TermPair[]>(initial);
  const [error, setError] = useState<string | null>(null);
  const categories = [...new Set([...TERM_CATEGORIES, ...pairs.map((p) => p.category)])];
  const set = (i: number, patch: Partial<TermPair>) => setPairs(pairs.map((p, j) => (j === i ? { ...p, ...patch } : p)));

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const trimmed = pairs.map((p) => ({ category: p.category.trim(), a: p.a.trim(), b: p.b.trim() })).filter((p) => p.a || p.b);
    const problem = termsProblem(trimmed);
    if (problem) return setError(problem);
    setError(null);
    update.mutate(trimmed, { onSuccess: () => toast.success("Term pairs saved; runs started from now on use them"), onError: (err) => setError(err.message) });
  }

  return (
    <Card
      title="Fairness terms"
      description={`Counterfactual runs (evaluator "counterfactual") swap each term in an item's input with its counterpart, ask the prompt again and flag answers that change. English terms match whole words (case kept); Korean terms match before a particle (남자는 → 여자는). A run pins the list when it starts.${isDefault ? " These are the shipped defaults." : ""}`}
    >
      <form onSubmit={onSubmit} className="space-y-5 text-sm">
        <fieldset disabled={!canEdit} className="space-y-5">
          {categories.map((category) => (
            <div key={category} data-testid="term-category">
              <div className="mb-1 flex items-center justify-between">
                <h3 className="font-medium capitalize">{category}</h3>
                <Button variant="ghost" size="sm" onClick={() => setPairs([...pairs, { category, a: "", b: "" }])}><Plus className="size-3.5" /> Add pair</Button>
              </div>
              <div className="grid grid-cols-[repeat(auto-fill,minmax(15rem,1fr))] gap-1.5">
                {pairs.map((p, i) => p.category !== category ? null : (
                  <div key={i} className="flex items-center gap-1">
                    <Input aria-label={`Pair ${i + 1} term a`} value={p.a} onChange={(e) => set(i, { a: e.target.value })} className="h-8" />
                    <span className="text-zinc-400">↔</span>
                    <Input aria-label={`Pair ${i + 1} term b`} value={p.b} onChange={(e) => set(i, { b: e.target.value })} className="h-8" />
                    <Button variant="ghost" size="sm" aria-label={`Remove pair ${i + 1}`} onClick={() => setPairs(pairs.filter((_, j) => j !== i))}><X className="size-3.5" /></Button>
                  </div>
                ))}
              </div>
            </div>
          ))}
          <NewCategory onAdd={(category) => setPairs([...pairs, { category, a: "", b: "" }])} />
        </fieldset>
        <FieldError>{error}</FieldError>
        {canEdit && (
          <div className="flex justify-end gap-2">
            <Button variant="secondary" disabled={update.isPending || isDefault} onClick={() => update.mutate(null, { onSuccess: () => toast.success("Back to the shipped defaults") })}>Restore defaults</Button>
            <Button type="submit" disabled={update.isPending}>{update.isPending ? "Saving…" : "Save"}</Button>
          </div>
        )}
      </form>
    </Card>
  );
}

function NewCategory({ onAdd }: { onAdd: (category: string) => void }) {
  const [name, setName] = useState("");
  const valid = /^[a-z0-9_-]{1,40}$/.test(name);
  return (
    <div className="flex items-center gap-2">
      <Input aria-label="New category" placeholder="new category, e.g. religion" value={name} onChange={(e) => setName(e.target.value.toLowerCase())} className="h-8 max-w-60" />
      <Button variant="secondary" size="sm" disabled={!valid} onClick={() => { onAdd(name); setName(""); }}>Add category</Button>
    </div>
  );
}
