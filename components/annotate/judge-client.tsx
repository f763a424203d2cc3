"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { Dialog } from "@/components/ui/dialog";
import { EmptyState, Skeleton } from "@/components/ui/card";
import { KeyLegend } from "@/components/ui/key-legend";
import { isTypingTarget } from "@/components/ui/keyboard";
import type { AnnotatorPair, NextPair, Progress } from "@/lib/queries/annotation/keys";
import { useJudging } from "@/lib/queries/annotation/use-judging";
import { useQueueQuery } from "@/lib/queries/annotation/use-queue-query";
import { JudgeForm, type JudgeFormState } from "./judge-form";
import { JUDGE_KEYS, judgeAction } from "./judge-keys";
import { JudgeProgress } from "./judge-progress";
import { SafeMarkdown } from "./markdown";
import { PairPanels } from "./pair-panels";
import { RatingForm, type RatingState } from "./rating-form";

const EMPTY: JudgeFormState = { pick: null, rationale: "", criteria: {} };

/**
 * The annotator's page. The pair on screen is leased; the next one is leased and loaded behind
 * it, so a submit moves on at once. An undo brings the undone pair back on top of the queue
 * (`returned`), after which the pair that was on screen shows again.
 */
export function JudgeClient({ projectId, queueId }: { projectId: string; queueId: string }) {
  const queue = useQueueQuery(projectId, queueId);
  const [after, setAfter] = useState("");
  const [returned, setReturned] = useState<NextPair | null>(null);
  const { current, upcoming, submit, rate, skip, undo } = useJudging(projectId, queueId, after);
  const [form, setForm] = useState<JudgeFormState>(EMPTY);
  const [rating, setRating] = useState<RatingState>({ scores: {}, comment: "" });
  const single = queue.data?.kind === "items";
  const [error, setError] = useState<string | null>(null);
  const [help, setHelp] = useState(false);
  const [made, setMade] = useState<Array<{ judgmentId: string }>>([]);
  const [progress, setProgress] = useState<Progress | null>(null);
  const shown: AnnotatorPair | null | undefined = returned ? returned.pair : current.data?.pair;
  const shownAt = useRef(Date.now());
  const [seconds, setSeconds] = useState(0);

  useEffect(() => {
    shownAt.current = Date.now();
    setSeconds(0);
    setForm(EMPTY);
    setRating({ scores: {}, comment: "" });
    setError(null);
  }, [shown?.id]);
  useEffect(() => {
    const t = setInterval(() => setSeconds(Math.floor((Date.now() - shownAt.current) / 1000)), 1000);
    return () => clearInterval(t);
  }, []);
  useEffect(() => {
    if (current.data) setProgress((p) => p ?? current.data!.progress);
  }, [current.data]);

  const advance = useCallback(() => {
    if (returned) setReturned(null);
    else if (shown) setAfter(shown.id);
  }, [returned, shown]);

  const busy = submit.isPending || rate.isPending || skip.isPending || undo.isPending;
  const onSubmit = useCallback(() => {
    if (!shown || busy) return;
    if (single) {
      const missing = (queue.data?.scoreDefinitions ?? []).find((d) => rating.scores[d.name] === undefined);
      if (missing) return setError(`Rate ${missing.name} first`);
      rate.mutate(
        { pairId: shown.id, scores: rating.scores, comment: rating.comment.trim() || undefined, durationMs: Date.now() - shownAt.current },
        {
          onSuccess: (r) => {
            setMade((m) => [...m, { judgmentId: r.judgment.id }]);
            setProgress(r.progress);
            advance();
          },
          onError: (e) => setError(e.message),
        },
      );
      return;
    }
    if (!form.pick) return setError("Pick one: 1 left, 2 right, 3 tie, 4 both bad");
    if (queue.data?.rationale === "required" && !form.rationale.trim()) return setError("This queue asks for a rationale");
    submit.mutate(
      { pairId: shown.id, pick: form.pick, rationale: form.rationale.trim() || undefined, criteria: Object.keys(form.criteria).length ? form.criteria : undefined, durationMs: Date.now() - shownAt.current },
      {
        onSuccess: (r) => {
          setMade((m) => [...m, { judgmentId: r.judgment.id }]);
          setProgress(r.progress);
          advance();
        },
        onError: (e) => setError(e.message),
      },
    );
  }, [shown, busy, form, queue.data?.rationale, queue.data?.scoreDefinitions, submit, rate, rating, single, advance]);
  const onSkip = useCallback(() => {
    if (!shown || busy) return;
    skip.mutate(shown.id, { onSuccess: advance, onError: (e) => setError(e.message) });
  }, [shown, busy, skip, advance]);
  const last = made[made.length - 1];
  const onUndo = useCallback(() => {
    if (!last || busy) return;
    undo.mutate(last.judgmentId, {
      onSuccess: (r) => {
        setMade((m) => m.slice(0, -1));
        setProgress(r.progress);
        setReturned(r);
        toast.success("Last judgment undone");
      },
      onError: (e) => toast.error(e.message),
    });
  }, [last, busy, undo]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.metaKey || e.ctrlKey || e.altKey || isTypingTarget(e.target)) return;
      const action = judgeAction(e.key);
      if (!action) return;
      e.preventDefault();
      if (action.type === "pick") {
        if (!single) setForm((f) => ({ ...f, pick: action.pick }));
      }
      else if (action.type === "submit") onSubmit();
      else if (action.type === "skip") onSkip();
      else if (action.type === "undo") onUndo();
      else setHelp((h) => !h);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onSubmit, onSkip, onUndo, single]);

  if (queue.isError) return <EmptyState title="Queue not available">{queue.error.message}</EmptyState>;
  const waiting = !returned && (current.isPending || (current.isFetching && !current.data));
  return (
    <div className="mx-auto max-w-[1600px] space-y-3">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-lg font-semibold">{queue.data?.name ?? "…"}</h1>
        <KeyLegend keys={single ? JUDGE_KEYS.slice(4) : JUDGE_KEYS} />
      </header>
      {queue.data?.instructions && (
        <details className="rounded-lg border border-zinc-200 bg-white px-3 py-2 dark:border-zinc-800 dark:bg-zinc-900" open={!made.length}>
          <summary className="cursor-pointer text-xs font-semibold uppercase tracking-wide text-zinc-500">Instructions</summary>
          <SafeMarkdown text={queue.data.instructions} className="mt-2" testId="queue-instructions" />
        </details>
      )}
      {progress && <JudgeProgress progress={progress} seconds={seconds} />}
      {current.isError && !returned ? (
        <EmptyState title="Could not load the next pair">{current.error.message}</EmptyState>
      ) : waiting ? (
        <Skeleton className="h-72 w-full" />
      ) : shown ? (
        <>
          <PairPanels pair={shown} pick={form.pick} single={single} />
          {single ? (
            <RatingForm definitions={queue.data?.scoreDefinitions ?? []} state={rating} onChange={setRating} error={error} busy={busy} onSubmit={onSubmit} onSkip={onSkip} onUndo={last ? onUndo : null} />
          ) : (
            <JudgeForm
              state={form} onChange={setForm} criteria={queue.data?.criteria ?? []} rationaleRequired={queue.data?.rationale === "required"}
              error={error} busy={busy} onSubmit={onSubmit} onSkip={onSkip} onUndo={last ? onUndo : null}
            />
          )}
          <span className="sr-only" data-testid="next-ready">{upcoming.data ? "next pair loaded" : "loading next pair"}</span>
        </>
      ) : (
        <div data-testid="queue-done">
          <EmptyState title="Nothing left for you in this queue">You judged every pair you can take here. {last ? "Press u to undo your last judgment." : ""}</EmptyState>
        </div>
      )}
      <Dialog open={help} onOpenChange={setHelp} title="Keyboard">
        <ul className="space-y-1 text-sm">
          {JUDGE_KEYS.map(([k, what]) => (
            <li key={k}><kbd className="rounded border px-1 font-mono text-xs">{k}</kbd> {what}</li>
          ))}
          <li><kbd className="rounded border px-1 font-mono text-xs">Ctrl+Enter</kbd> submit from the rationale box</li>
        </ul>
      </Dialog>
    </div>
  );
}
