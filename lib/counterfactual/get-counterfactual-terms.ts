import { db } from "../db";
import { effectiveTermPairs } from "./terms";

/** The project's term pairs in effect (the shipped defaults when never saved), and whether they are the defaults. */
export async function getCounterfactualTerms(options: { projectId: string }) {
  const row = await db.projectSettings.findUnique({ where: { projectId: options.projectId }, select: { counterfactualTerms: true } });
  return { pairs: effectiveTermPairs(row?.counterfactualTerms ?? null), isDefault: row?.counterfactualTerms == null };
}
