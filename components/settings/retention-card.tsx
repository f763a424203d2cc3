"use client";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card, Skeleton } from "@/components/ui/card";
import { FieldError, Input, Label } from "@/components/ui/input";
import { useRetentionQuery } from "@/lib/queries/retention/use-retention-query";
import { useUpdateRetention } from "@/lib/queries/retention/use-update-retention";
import { retentionBoundary } from "@/lib/retention/days";
import { MAX_RETENTION_DAYS, type RetentionSettings } from "@/lib/schemas/retention";

const PRESETS = [7, 30, 90, 365];
/** The cutoff is a UTC midnight: dates are shown in UTC, so it reads the same in every time zone. */
const day = (iso: string | Date) => new Date(iso).toISOString().slice(0, 10);

const DESCRIPTION =
  "How long Pharos keeps traces. Every hour the worker deletes the traces that started before the cutoff, with their spans, scores, " +
  "feedback, inbox items and embeddings. Golden-set items, runs, prompts and annotation data are curated copies and stay.";

export function RetentionCard({ projectId, canEdit }: { projectId: string; canEdit: boolean }) {
  const retention = useRetentionQuery(projectId);
  return (
    <Card title="Data retention" description={DESCRIPTION}>
      {retention.isPending ? <Skeleton className="h-24 w-full" /> : retention.isError ? <FieldError>{retention.error.message}</FieldError> : (
        // Keyed so a save re-seeds the form from the server's answer.
        <RetentionForm key={String(retention.data.days)} projectId={projectId} saved={retention.data} canEdit={canEdit} />
      )}
    </Card>
  );
}

function RetentionForm({ projectId, saved, canEdit }: { projectId: string; saved: RetentionSettings; canEdit: boolean }) {
  const update = useUpdateRetention(projectId);
  const [forever, setForever] = useState(saved.days === null);
  const [days, setDays] = useState(String(saved.days ?? 90));
  const [error, setError] = useState<string | null>(null);
  const parsed = Number(days);
  const valid = forever || (Number.isInteger(parsed) && parsed >= 1 && parsed <= MAX_RETENTION_DAYS);
  const next = forever ? null : valid ? parsed : undefined;
  const cutoff = typeof next === "number" ? retentionBoundary(new Date(), next) : null;
  const deletes = cutoff && saved.oldestTraceAt && new Date(saved.oldestTraceAt) < cutoff;

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (next === undefined) return setError(`Enter a whole number of days from 1 to ${MAX_RETENTION_DAYS}, or keep forever`);
    setError(null);
    update.mutate(next, {
      onSuccess: (r) => toast.success(r.days === null ? "Traces are kept forever" : `Traces are kept ${r.days} days`),
      onError: (err) => setError(err.message),
    });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4 text-sm" aria-label="Data retention">
      <p data-testid="retention-current">
        {saved.days === null ? "Traces are kept forever." : <>Traces are kept <strong>{saved.days} days</strong>: the next pass deletes those that started before {day(saved.deletesBefore!)} (UTC).</>}
        {" "}
        <span className="text-zinc-500">{saved.oldestTraceAt ? `Oldest trace stored: ${day(saved.oldestTraceAt)}.` : "No traces stored yet."}</span>
      </p>
      <fieldset disabled={!canEdit || update.isPending} className="space-y-3">
        <div className="flex flex-wrap items-center gap-4">
          <label className="flex items-center gap-2">
            <input type="radio" name="retention-mode" checked={forever} onChange={() => setForever(true)} /> Keep forever
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="retention-mode" checked={!forever} onChange={() => setForever(false)} /> Keep for
          </label>
          <div className="flex items-center gap-2">
            <Label htmlFor="retention-days" className="sr-only">Days to keep traces</Label>
            <Input id="retention-days" type="number" inputMode="numeric" min={1} max={MAX_RETENTION_DAYS} step={1} className="w-24" value={days}
              onChange={(e) => { setDays(e.target.value); setForever(false); }} disabled={forever} />
            <span>days</span>
          </div>
          {canEdit && (
            <div className="flex gap-1" aria-label="Presets">
              {PRESETS.map((p) => (
                <Button key={p} size="sm" variant="ghost" onClick={() => { setDays(String(p)); setForever(false); }}>{p} d</Button>
              ))}
            </div>
          )}
        </div>
        {deletes && (
          <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-amber-800 dark:bg-amber-950 dark:text-amber-200">
            Saving deletes, within the hour, every trace that started before {day(cutoff)} (UTC; the oldest stored started {day(saved.oldestTraceAt!)}). This cannot be undone.
          </p>
        )}
      </fieldset>
      <FieldError>{error}</FieldError>
      {canEdit ? (
        <div className="flex justify-end">
          <Button type="submit" disabled={update.isPending || (next ?? null) === saved.days}>{update.isPending ? "Saving…" : "Save retention"}</Button>
        </div>
      ) : (
        <p className="text-zinc-500">Only owners and admins can change retention.</p>
      )}
    </form>
  );
}
