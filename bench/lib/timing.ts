/** Timing helpers shared by the benchmarks: elapsed-time logging, percentiles, timed runs. */

/** `[bench   12 s] line`, counting from when the benchmark started. */
export function benchLogger(): (line: string) => void {
  const started = performance.now();
  return (line) => console.log(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);
}

/** The p-th percentile (nearest rank) of an ascending array. */
export const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;

export const round = (ms: number) => +ms.toFixed(1);

/** Runs `fn` `warmups` times untimed, then `runs` times timed; milliseconds, ascending. */
export async function timeRuns(fn: () => Promise<unknown>, runs: number, warmups = 0): Promise<number[]> {
  for (let i = 0; i < warmups; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out.sort((a, b) => a - b);
}
