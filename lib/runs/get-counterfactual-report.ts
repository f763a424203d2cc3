import "server-only";
import { db } from "../db";
import { type ReportItem, buildCounterfactualReport } from "./counterfactual-report";
import { requireRun } from "./require-run";
import type { RunEvaluator } from "./run-evaluators";

/** The run's counterfactual report (404 for a run of another project); empty evaluators when the run has no counterfactual evaluator. */
export async function getCounterfactualReport(options: { projectId: string; runId: string }) {
  const { projectId, runId } = options;
  const run = await requireRun({ projectId, runId });
  const keys = (run.evaluators as unknown as RunEvaluator[]).filter((e) => e.spec.type === "counterfactual").map((e) => e.key);
  if (!keys.length) return buildCounterfactualReport({ evaluatorKeys: [], items: [] });
  const items = await db.runItem.findMany({ where: { projectId, runId }, orderBy: { position: "asc" }, select: { position: true, itemId: true, scores: true } });
  return buildCounterfactualReport({ evaluatorKeys: keys, items: items as unknown as ReportItem[] });
}
