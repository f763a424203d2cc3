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
