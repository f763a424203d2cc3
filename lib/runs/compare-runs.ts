import "server-only";
import { db } from "../db";
import { AppError } from "../errors";
import { type CompareItem, type CompareScore, compareItems } from "./compare-items";
import { requireRun } from "./require-run";
import type { RunEvaluator } from "./run-evaluators";
import { serializeRun } from "./run-rows";

/** Rows beyond this are cut (regressions come first, so they are the last to go); the tests use every pair. */
const MAX_ROWS = 1000;

/**
 * Two or more runs over the same golden set, item by item (first run = baseline): regressions
 * first, then improvements, then the rest; and McNemar / Wilcoxon of each later run against it.
 * Runs of another project are 404; runs of different golden sets a 400 naming `ids`.
 */
export async function compareRuns(options: { projectId: string; ids: string[] }) {
  const { projectId, ids } = options;
  const runs = [];
  for (const runId of ids) runs.push(await requireRun({ projectId, runId }));
  if (new Set(runs.map((r) => r.datasetId)).size > 1) throw new AppError("INVALID", "query.ids: the runs are over different golden sets; compare runs of one golden set");
  const dataset = await db.dataset.findUnique({ where: { projectId_id: { projectId, id: runs[0]!.datasetId } }, select: { id: true, name: true } });
  const items = await loadItems(projectId, ids);
  const refs = runs.map((r) => ({ id: r.id, evaluators: (r.evaluators as RunEvaluator[]).map((e) => ({ key: e.key, type: e.spec.type })) }));
  const { rows, comparisons } = compareItems(refs, ids.map((id) => items.get(id) ?? []));
  return {
    dataset: dataset ?? { id: runs[0]!.datasetId, name: null },
    runs: runs.map(serializeRun),
    comparisons,
    counts: { regressed: count(rows, "regressed"), improved: count(rows, "improved"), unchanged: count(rows, "unchanged"), unpaired: count(rows, "unpaired") },
    rows: rows.slice(0, MAX_ROWS),
    truncated: rows.length > MAX_ROWS,
  };
}
export type RunsComparison = Awaited<ReturnType<typeof compareRuns>>;

const count = (rows: { change: string }[], change: string) => rows.filter((r) => r.change === change).length;

/** Each run's items by id, in snapshot order. */
export async function loadItems(projectId: string, runIds: string[]) {
  const rows = await db.runItem.findMany({
    where: { projectId, runId: { in: runIds } },
    orderBy: [{ runId: "asc" }, { position: "asc" }],
    select: { runId: true, itemId: true, position: true, input: true, expectedOutput: true, output: true, status: true, error: true, passed: true, latencyMs: true, cost: true, scores: true, traceId: true },
  });
  const byRun = new Map<string, CompareItem[]>();
  for (const r of rows) {
    const list = byRun.get(r.runId) ?? [];
    list.push({ ...r, cost: r.cost === null ? null : Number(r.cost), scores: r.scores as Record<string, CompareScore> | null });
    byRun.set(r.runId, list);
  }
  return byRun;
}
