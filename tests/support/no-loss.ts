// The "no loss under faults" scenarios, shared by `npm test` (5,000 spans) and `npm run test:chaos`
// (200,000): the SDK sends with concurrency 32 while Postgres is restarted twice with an immediate
// shutdown and Pharos is killed with SIGKILL once and restarted; or while Postgres is frozen with
// kill -STOP for 10 s. Afterwards the ledger of the SDK is compared with what Postgres holds.
import { newLedger, postgresPids, produceSpans, restartPostgresImmediately, signalAll, sleep, startPharosOn, startTestPostgres, type Ledger, type Tally, tally } from "./faults";

export type Outcome = { tally: Tally; ledger: Ledger; events: string[]; statuses: Record<string, number> };

function print(title: string, outcome: Outcome) {
  const t = outcome.tally;
  console.log(
    `[reliability] ${title}: sent ${t.sent}, acknowledged ${t.acknowledged}, stored ${t.stored}, duplicated ${t.duplicated}, ` +
      `dropped by client ${t.droppedByClient}, acknowledged but not stored ${t.ackedNotStored}, not stored ${t.sentNotStored}\n` +
      `  responses ${JSON.stringify(outcome.statuses)}\n  ${outcome.events.join("\n  ")}`,
  );
}

/** A Postgres, Pharos on it, an empty ledger and a timestamped event log: what every scenario starts from. */
async function startScenario() {
  const db = await startTestPostgres();
  const pharos = await startPharosOn(db.url).catch(async (error: unknown) => {
    await db.dispose();
    throw error;
  });
  const ledger = newLedger();
  const began = Date.now();
  const events: string[] = [];
  const note = (line: string) => {
    events.push(`${((Date.now() - began) / 1000).toFixed(1)} s ${line}`);
    if (process.env.PHAROS_FAULTS_VERBOSE) console.log(events.at(-1));
  };
  return { db, pharos, ledger, events, note };
}

/** Restart Postgres (immediate), SIGKILL Pharos and start it again, restart Postgres again, while spans flow. */
export async function restartsAndCrash(options: { spans: number; concurrency: number; spreadMs: number; downMs: number }): Promise<Outcome> {
  const { db, pharos, ledger, events, note } = await startScenario();
  try {
    const producing = produceSpans({ baseUrl: () => pharos.current().baseUrl, ledger, total: options.spans, concurrency: options.concurrency, spreadMs: options.spreadMs });
    const faults = (async () => {
      const step = options.spreadMs / 5;
      await sleep(step);
      await restartPostgresImmediately(db, options.downMs, note);
      await sleep(step);
      note("SIGKILL Pharos (web server, worker)");
      await pharos.crashAndRestart();
      note("Pharos ready again");
      await sleep(step);
      await restartPostgresImmediately(db, options.downMs, note);
    })();
    await Promise.all([producing, faults]);
    note("every client flushed");
    const outcome = { tally: await tally(db.url, ledger), ledger, events, statuses: Object.fromEntries(ledger.statuses) };
    print(`${options.spans} spans through 2 Postgres restarts and a SIGKILL of Pharos`, outcome);
    return outcome;
  } finally {
    await pharos.stop();
    await db.dispose();
  }
}

/** kill -STOP of every Postgres process for `frozenMs` while spans flow; the health check is probed meanwhile. */
export async function frozenDatabase(options: { spans: number; concurrency: number; spreadMs: number; frozenMs: number }): Promise<Outcome & { healthDuringFreeze: { status: number | string; ms: number }[] }> {
  const { db, pharos, ledger, events, note } = await startScenario();
  const healthDuringFreeze: { status: number | string; ms: number }[] = [];
  let frozen: number[] = [];
  try {
    const producing = produceSpans({ baseUrl: () => pharos.current().baseUrl, ledger, total: options.spans, concurrency: options.concurrency, spreadMs: options.spreadMs });
    const faults = (async () => {
      await sleep(options.spreadMs / 5);
      frozen = postgresPids(db);
      signalAll(frozen, "SIGSTOP");
      note(`kill -STOP ${frozen.length} Postgres processes`);
      const thaw = Date.now() + options.frozenMs;
      await sleep(1_000);
      while (Date.now() < thaw - 3_000) {
        const started = Date.now();
        const status = await fetch(`${pharos.current().baseUrl}/api/health`, { signal: AbortSignal.timeout(10_000) }).then((r) => r.status, (e: Error) => e.name);
        healthDuringFreeze.push({ status, ms: Date.now() - started });
        await sleep(500);
      }
      await sleep(Math.max(0, thaw - Date.now()));
      signalAll(frozen, "SIGCONT");
      frozen = [];
      note("kill -CONT");
    })();
    await Promise.all([producing, faults]);
    note("every client flushed");
    const outcome = { tally: await tally(db.url, ledger), ledger, events, statuses: Object.fromEntries(ledger.statuses), healthDuringFreeze };
    print(`${options.spans} spans through a ${options.frozenMs / 1000} s kill -STOP of Postgres`, outcome);
    return outcome;
  } finally {
    if (frozen.length) signalAll(frozen, "SIGCONT");
    await pharos.stop();
    await db.dispose();
  }
}
