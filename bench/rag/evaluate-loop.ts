/**
 * The online evaluation worker of bench:rag, in its own process as `npm start`'s worker is:
 * runOnlineEvaluations (the worker's pass) back to back, with the arrival cutoff at "now" instead
 * of a minute ago — the worker waits for a trace to be quiet for a minute, which a 10-second
 * measurement window would never see. Started once before the measured phases (so its start-up
 * is not measured); with the rule disabled a pass finds nothing and it idles. After every pass it
 * prints its running totals (and CPU time) as one JSON line; it stops on SIGTERM.
 */
import { runOnlineEvaluations } from "../../lib/online-evals/run-online-evaluations";

const projectId = process.env.BENCH_PROJECT_ID!;
let stopping = false;
process.on("SIGTERM", () => (stopping = true));
const totals = { passes: 0, evaluated: 0, scored: 0, errors: 0, cpuMs: 0 };
const report = () => {
  const cpu = process.cpuUsage();
  totals.cpuMs = Math.round((cpu.user + cpu.system) / 1000);
  console.log(JSON.stringify(totals));
};
report();
while (!stopping) {
  const results = await runOnlineEvaluations({ projectId, cutoff: new Date(), limits: { timeoutMs: 10_000, retry: { maxAttempts: 2 } } });
  totals.passes++;
  for (const r of results) {
    totals.evaluated += r.evaluated;
    totals.scored += r.scored;
    totals.errors += r.errors;
  }
  report();
  if (results.every((r) => r.evaluated === 0)) await new Promise((r) => setTimeout(r, 250));
}
const { closeSqlPool } = await import("../../lib/db-sql-pool");
await closeSqlPool();
process.exit(0);
