/**
 * Where the CPU goes during bench:rag, by process group, from /proc (Linux): the web server,
 * the app's own worker, the evaluator, the Postgres backends serving the evaluator (found by
 * their application_name in pg_stat_activity), the rest of Postgres, and this process (load
 * generator and fake provider). Sampled every half second, so a backend that comes and goes
 * between two samples is missed; a process's CPU stays with the group it was first seen in.
 */
import { execFileSync } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import type pg from "pg";

export const CPU_GROUPS = ["web", "worker", "evaluator", "postgres for the evaluator", "postgres (rest)", "bench"] as const;
export type CpuGroup = (typeof CPU_GROUPS)[number];
export type CpuTotals = Record<CpuGroup, number>;

const TICK_MS = 1000 / Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim() || 100);

type Proc = { pid: number; ppid: number; comm: string; ms: number };

async function readProcs(): Promise<Map<number, Proc>> {
  const procs = new Map<number, Proc>();
  for (const name of await readdir("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const stat = await readFile(`/proc/${name}/stat`, "utf8").catch(() => null);
    if (!stat) continue;
    // comm is in parentheses and may hold spaces: the fields after the last ")" are fixed.
    const close = stat.lastIndexOf(")");
    const fields = stat.slice(close + 2).split(" ");
    procs.set(Number(name), { pid: Number(name), ppid: Number(fields[1]), comm: stat.slice(stat.indexOf("(") + 1, close), ms: (Number(fields[11]) + Number(fields[12])) * TICK_MS });
  }
  return procs;
}

function isBelow(procs: Map<number, Proc>, pid: number, root: number): boolean {
  for (let p = procs.get(pid); p; p = procs.get(p.ppid)) if (p.pid === root) return true;
  return false;
}

/** Starts sampling; `totals()` is the CPU (ms) each group used since the start. */
export function startCpuSampler(options: { client: pg.Client; serverPid: number; evaluatorPid: number; evaluatorAppName: string }) {
  const seen = new Map<number, { group: CpuGroup; first: number; last: number }>();
  const cmdlines = new Map<number, string>();
  let stopped = false;
  const benchStart = process.cpuUsage();

  let initial = true;
  async function sample() {
    const procs = await readProcs();
    const evaluatorBackends = new Set((await options.client.query<{ pid: number }>(`select pid from pg_stat_activity where application_name = $1`, [options.evaluatorAppName])).rows.map((r) => r.pid));
    for (const p of procs.values()) {
      const known = seen.get(p.pid);
      if (known) {
        known.last = p.ms;
        continue;
      }
      let group: CpuGroup | null = null;
      if (p.pid === options.evaluatorPid) group = "evaluator";
      else if (p.comm === "postgres") group = evaluatorBackends.has(p.pid) ? "postgres for the evaluator" : "postgres (rest)";
      else if (isBelow(procs, p.pid, options.serverPid)) {
        const cmdline = cmdlines.get(p.pid) ?? (await readFile(`/proc/${p.pid}/cmdline`, "utf8").catch(() => ""));
        cmdlines.set(p.pid, cmdline);
        group = cmdline.includes("worker.ts") ? "worker" : "web";
      }
      // Processes older than the sampler count from the first sample; later ones from their start.
      if (group) seen.set(p.pid, { group, first: initial ? p.ms : 0, last: p.ms });
    }
    initial = false;
  }

  const first = sample();
  const loop = (async () => {
    await first;
    while (!stopped) {
      await new Promise((r) => setTimeout(r, 500));
      await sample();
    }
  })();

  return {
    ready: first,
    async totals(): Promise<CpuTotals> {
      await sample();
      const totals = Object.fromEntries(CPU_GROUPS.map((g) => [g, 0])) as CpuTotals;
      for (const s of seen.values()) totals[s.group] += s.last - s.first;
      const bench = process.cpuUsage(benchStart);
      totals.bench = (bench.user + bench.system) / 1000;
      for (const g of CPU_GROUPS) totals[g] = Math.round(totals[g]);
      return totals;
    },
    async stop() {
      stopped = true;
      await loop;
    },
  };
}

export const cpuDelta = (after: CpuTotals, before: CpuTotals): CpuTotals => Object.fromEntries(CPU_GROUPS.map((g) => [g, after[g] - before[g]])) as CpuTotals;
