"use client";
import { CheckCircle2, X, XCircle } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input, Label, Select } from "@/components/ui/input";
import type { RunsComparisonResponse } from "@/lib/queries/runs/keys";
import { formatScoreGate, type ScoreGate } from "@/lib/runs/score-gates";
import { requirementRows, requirementsFromParams, sharedEvaluatorKeys } from "./prepare-score-requirements";
import { runLabel } from "./prepare-runs";

/**
 * Requirements on evaluator means, checked like the approval gate checks a policy's
 * scoreGates: e.g. faithfulness ≥ 0.9 with no drop > 0.03 against the baseline. They live in
 * the link (`?require=faithfulness:0.9:0.03`), so a shared comparison carries them.
 */
export function ScoreRequirements({ comparison }: { comparison: RunsComparisonResponse }) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const gates = requirementsFromParams(params.getAll("require"));
  const keys = sharedEvaluatorKeys(comparison);
  const [draft, setDraft] = useState({ evaluator: "", min: "", maxDrop: "" });
  const write = (next: ScoreGate[]) => {
    const q = new URLSearchParams(params.toString());
    q.delete("require");
    for (const g of next) q.append("require", formatScoreGate(g));
    router.replace(`${pathname}?${q.toString()}`, { scroll: false });
  };
  const add = () => {
    const min = draft.min.trim() === "" ? undefined : Number(draft.min);
    const maxDrop = draft.maxDrop.trim() === "" ? undefined : Number(draft.maxDrop);
    if (!draft.evaluator || (min === undefined && maxDrop === undefined) || [min, maxDrop].some((v) => v !== undefined && !Number.isFinite(v))) return;
    write([...gates.filter((g) => g.evaluator !== draft.evaluator), { evaluator: draft.evaluator, ...(min !== undefined ? { min } : {}), ...(maxDrop !== undefined ? { maxDrop } : {}) }]);
    setDraft({ evaluator: "", min: "", maxDrop: "" });
  };
  const rows = requirementRows(comparison, gates);
  const byId = new Map(comparison.runs.map((r) => [r.id, r]));
  return (
    <Card title="Score requirements" description="An evaluator's mean over each run, against the baseline — the checks a prompt policy's gate applies (e.g. faithfulness ≥ 0.9, no drop > 0.03). Kept in the link.">
      <div className="space-y-3 text-sm" data-testid="score-requirements">
        {gates.length === 0 ? <p className="text-xs text-zinc-500">No requirements yet: add one below.</p> : (
          <table className="w-full text-left text-sm">
            <thead className="text-xs uppercase tracking-wide text-zinc-500"><tr><th className="py-1 font-medium">Run</th><th className="font-medium">Requirement</th><th className="font-medium">Baseline</th><th className="font-medium">This run</th><th className="font-medium">Verdict</th><th /></tr></thead>
            <tbody>
              {rows.flatMap((r) => r.checks.map((c) => (
                <tr key={`${r.runId}-${c.evaluator}`} className="border-t border-zinc-100 dark:border-zinc-800" data-testid="score-requirement" data-met={c.met}>
                  <td className="py-1.5">{runLabel(byId.get(r.runId)!)}</td>
                  <td className="font-mono text-xs">{c.evaluator}{c.min !== null ? ` ≥ ${c.min}` : ""}{c.maxDrop !== null ? `, drop ≤ ${c.maxDrop}` : ""}</td>
                  <td className="tabular-nums">{c.baselineMean === null ? "—" : c.baselineMean.toFixed(3)}</td>
                  <td className="tabular-nums">{c.mean === null ? "—" : c.mean.toFixed(3)}</td>
                  <td className={`text-xs ${c.met ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400"}`}>
                    <span className="inline-flex items-center gap-1">{c.met ? <CheckCircle2 className="size-3.5" /> : <XCircle className="size-3.5" />}{c.met ? "met" : c.problems.join("; ")}</span>
                  </td>
                  <td className="text-right">
                    <button type="button" aria-label={`Remove the ${c.evaluator} requirement`} className="text-zinc-400 hover:text-zinc-700" onClick={() => write(gates.filter((g) => g.evaluator !== c.evaluator))}><X className="size-3.5" /></button>
                  </td>
                </tr>
              )))}
            </tbody>
          </table>
        )}
        <form className="flex flex-wrap items-end gap-2" onSubmit={(e) => { e.preventDefault(); add(); }}>
          <div>
            <Label htmlFor="req-evaluator">Evaluator</Label>
            <Select id="req-evaluator" value={draft.evaluator} onChange={(e) => setDraft({ ...draft, evaluator: e.target.value })}>
              <option value="">Choose…</option>
              {keys.map((k) => <option key={k} value={k}>{k}</option>)}
            </Select>
          </div>
          <div className="w-28"><Label htmlFor="req-min">Mean at least</Label><Input id="req-min" inputMode="decimal" placeholder="0.9" value={draft.min} onChange={(e) => setDraft({ ...draft, min: e.target.value })} /></div>
          <div className="w-28"><Label htmlFor="req-drop">Drop at most</Label><Input id="req-drop" inputMode="decimal" placeholder="0.03" value={draft.maxDrop} onChange={(e) => setDraft({ ...draft, maxDrop: e.target.value })} /></div>
          <Button type="submit" size="sm" disabled={!draft.evaluator || (!draft.min.trim() && !draft.maxDrop.trim())}>Add requirement</Button>
        </form>
      </div>
    </Card>
  );
}
