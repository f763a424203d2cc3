/** The overview's evaluation-score card from the eval-scores endpoint (pure). */
export type EvalDay = { name: string; day: string; mean: number; count: number };

/** One chart row per day, one column per score name (null where a score has no value that day); names in first-seen order. */
export function prepareEvalScoreChart(days: readonly EvalDay[]): { names: string[]; rows: ({ time: number } & Record<string, number | null>)[] } {
  const names = [...new Set(days.map((d) => d.name))];
  const byDay = new Map<number, { time: number } & Record<string, number | null>>();
  for (const d of days) {
    const time = Date.parse(d.day);
    const row = byDay.get(time) ?? Object.assign({ time }, Object.fromEntries(names.map((n) => [n, null])));
    row[d.name] = d.mean;
    byDay.set(time, row);
  }
  return { names, rows: [...byDay.values()].sort((a, b) => a.time - b.time) };
}

/** The RAG scores the overview charts side by side. */
export const RAG_CHART_SCORES = ["faithfulness", "answer_relevancy"] as const;

type Grouped = { name: string; mean: number; count: number };

/**
 * Faithfulness and answer relevancy by prompt version, or by model (pure): one chart row per
 * version or model (labelled), one column per RAG score (null where it has none); rows with
 * the most scores first, at most `limit`.
 */
export function prepareRagChart<T extends Grouped>(rows: readonly T[], label: (r: T) => string, limit = 8): { data: ({ category: string } & Record<string, number | null>)[]; counts: Record<string, number> } {
  const byCategory = new Map<string, { category: string } & Record<string, number | null>>();
  const counts: Record<string, number> = {};
  for (const r of rows) {
    if (!(RAG_CHART_SCORES as readonly string[]).includes(r.name)) continue;
    const category = label(r);
    const row = byCategory.get(category) ?? Object.assign({ category }, Object.fromEntries(RAG_CHART_SCORES.map((n) => [n, null])));
    row[r.name] = r.mean;
    byCategory.set(category, row);
    counts[category] = (counts[category] ?? 0) + r.count;
  }
  const data = [...byCategory.values()].sort((a, b) => (counts[b.category] ?? 0) - (counts[a.category] ?? 0) || a.category.localeCompare(b.category)).slice(0, limit);
  return { data, counts };
}
