import "server-only";
import { compareRuns } from "./compare-runs";

/**
 * "Make preference pairs" until annotation queues exist: one JSONL line per item both the baseline
 * and a later run answered, `{ prompt, response_a, response_b, metadata: { runA, runB, itemId } }`,
 * in the comparison's order (regressions first). `prompt` is the item's input as stored.
 */
export async function preferencePairs(options: { projectId: string; ids: string[] }) {
  const comparison = await compareRuns(options);
  const [baseline, ...later] = comparison.runs;
  const lines: string[] = [];
  later.forEach((run, i) => {
    for (const row of comparison.rows) {
      const a = row.cells[0];
      const b = row.cells[i + 1];
      if (!a || !b || a.output == null || b.output == null) continue;
      lines.push(JSON.stringify({ prompt: row.input, response_a: a.output, response_b: b.output, metadata: { runA: baseline!.id, runB: run.id, itemId: row.itemId, change: row.change } }));
    }
  });
  return { body: lines.length ? `${lines.join("\n")}\n` : "", filename: `pairs-${baseline!.id.slice(0, 8)}.jsonl` };
}
