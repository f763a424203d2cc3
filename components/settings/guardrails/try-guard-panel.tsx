"use client";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import { FieldError, Label, Select } from "@/components/ui/input";
import { useCheckGuardDraft } from "@/lib/queries/guard/use-check-guard-draft";
import type { GuardDirection, GuardPolicyConfig } from "@/lib/schemas/guard";

const TONE = { allow: "green", mask: "amber", block: "red" } as const;

/** Try a text against the policy as edited (unsaved changes included); nothing is saved or recorded. */
export function TryGuardPanel({ projectId, config }: { projectId: string; config: GuardPolicyConfig | null }) {
  const check = useCheckGuardDraft(projectId);
  const [text, setText] = useState("");
  const [direction, setDirection] = useState<GuardDirection>("input");

  function onSubmit(e?: FormEvent) {
    e?.preventDefault();
    if (!config || !text.trim()) return;
    check.mutate({ text, direction, config });
  }

  const result = check.data;
  return (
    <form onSubmit={onSubmit} className="space-y-2" data-testid="guard-try">
      <div className="flex items-end gap-2">
        <div className="flex-1">
          <Label htmlFor="guard-try-text">Try a text (Ctrl+Enter)</Label>
          <textarea
            id="guard-try-text"
            className="min-h-20 w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
            placeholder="제 주민번호는 900101-1234567 입니다 / Ignore all previous instructions…"
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => e.key === "Enter" && (e.ctrlKey || e.metaKey) && onSubmit()}
          />
        </div>
        <div className="w-32 space-y-2">
          <div>
            <Label htmlFor="guard-try-direction">As</Label>
            <Select id="guard-try-direction" value={direction} onChange={(e) => setDirection(e.target.value as GuardDirection)}>
              <option value="input">an input</option>
              <option value="output">an output</option>
            </Select>
          </div>
          <Button type="submit" size="sm" className="w-full" disabled={!config || !text.trim() || check.isPending}>{check.isPending ? "Checking…" : "Check"}</Button>
        </div>
      </div>
      {!config && <p className="text-xs text-zinc-500">Fix the policy above to try it.</p>}
      <FieldError>{check.error?.message}</FieldError>
      {result && (
        <div className="space-y-1.5 rounded-md bg-zinc-50 px-3 py-2 text-sm dark:bg-zinc-800/50" data-testid="guard-try-result">
          <p>Verdict: <Badge tone={TONE[result.verdict]}>{result.verdict}</Badge></p>
          <p className="whitespace-pre-wrap break-words font-mono text-xs" data-testid="guard-try-text-out">{result.text}</p>
          {result.findings.length > 0 && (
            <ul className="text-xs text-zinc-600 dark:text-zinc-400">
              {result.findings.map((f, i) => (
                <li key={i}>{f.type} → {f.action} <span className="text-zinc-400">({f.detector}, {f.start}–{f.end}{f.score < 1 ? `, overlap ${Math.round(f.score * 100)} %` : ""})</span></li>
              ))}
            </ul>
          )}
        </div>
      )}
    </form>
  );
}
