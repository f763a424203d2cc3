import "server-only";
import { completeItems, type ItemOutcome } from "./item-claims";

type Entry = { itemId: string; outcome: ItemOutcome };

/**
 * Completes an executor's items in batches (lib/runs/README.md, "Complete once"): an item
 * joins the next batch once its trace write has settled, and one transaction completes
 * everything ready. So a slot hands its item over and claims the next one at once — the
 * number of provider calls in flight stays `concurrency` — while writes and commits are shared
 * by many items. Items handed over but not yet completed keep their claim and lease (renewed
 * with the executor's token); if the process dies they lapse and are re-run, as before.
 */
export function completionBatcher(options: { projectId: string; runId: string; token: string; kill?: AbortSignal; onItem?: () => void; maxBatch?: number }) {
  const { projectId, runId, token, kill } = options;
  const maxBatch = options.maxBatch ?? 200;
  const ready: Entry[] = [];
  const waiting = new Set<Promise<void>>();
  let committing: Promise<void> | null = null;
  let failure: unknown = null;

  function commit() {
    if (committing || !ready.length || kill?.aborted || failure) return;
    const batch = ready.splice(0, maxBatch);
    committing = completeWithRetry(batch)
      .then((ids) => ids.forEach(() => options.onItem?.()))
      .catch((error: unknown) => {
        failure ??= error;
      })
      .finally(() => {
        committing = null;
        commit();
      });
  }

  async function completeWithRetry(batch: Entry[]): Promise<string[]> {
    // A database blip is retried; a database that stays away fails the executor (the job is retried, the leases lapse).
    for (let attempt = 1; ; attempt++) {
      try {
        return await completeItems({ projectId, runId, token, items: batch });
      } catch (error) {
        if (attempt >= 3 || kill?.aborted) throw error;
        await new Promise((r) => setTimeout(r, 250 * attempt));
      }
    }
  }

  return {
    /** Hands over an executed item; completed once its trace write settles (a failed write completes it without a trace). */
    add(itemId: string, outcome: ItemOutcome) {
      const { stored, ...rest } = outcome;
      const entry: Entry = { itemId, outcome: rest };
      if (!stored) {
        ready.push(entry);
        commit();
        return;
      }
      const p: Promise<void> = stored.then(
        () => undefined,
        (error: unknown) => {
          // The run item keeps the output and scores; only the trace-view link is lost.
          console.warn(`[pharos runs] run ${runId} item ${itemId}: its trace was not stored (${(error as Error).message}); completing it without one`);
          entry.outcome = { ...entry.outcome, traceId: null };
        },
      ).then(() => {
        waiting.delete(p);
        ready.push(entry);
        commit();
      });
      waiting.add(p);
    },
    /** Items handed over and not yet completed. */
    get backlog() {
      return waiting.size + ready.length + (committing ? 1 : 0);
    },
    /** Resolves when the backlog shrinks (or nothing is pending). */
    async room() {
      const pending = [...waiting, ...(committing ? [committing] : [])];
      if (pending.length) await Promise.race(pending);
    },
    /** Everything handed over is completed (or dropped as lost claims); rethrows a completion failure. */
    async drain() {
      for (;;) {
        if (failure) throw failure;
        if (kill?.aborted) return;
        if (waiting.size) await Promise.all([...waiting]);
        else if (committing) await committing;
        else if (ready.length) commit();
        else return;
      }
    },
  };
}
