/** Markdown pieces for bench:report: tables, number formats, the run line, marked sections. */
import type { AnyResults, Machine } from "../lib/results";

type Align = "left" | "right";

/** A results file as read from the repository: its path (from the repository root) and content. */
export type Recorded<T extends AnyResults> = { file: string; results: T };

/** A GitHub table; `align` per column, left by default. */
export function table(header: string[], rows: string[][], align: Align[] = []): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  const rule = header.map((_, i) => (align[i] === "right" ? "---:" : "---"));
  return [line(header), line(rule), ...rows.map(line)].join("\n");
}

export const int = (n: number) => Math.round(n).toLocaleString("en-US");
/** Milliseconds as the docs print them: one decimal under 20 ms, whole above. */
export const msNumber = (n: number) => (n < 20 ? n.toFixed(1) : int(n));
export const ms = (n: number) => `${msNumber(n)} ms`;
export const seconds = (n: number) => `${n.toLocaleString("en-US", { maximumFractionDigits: 2 })} s`;
export const percent = (fraction: number) => `${(fraction * 100).toFixed(2)} %`;
export const ratio = (n: number) => n.toFixed(2);
/** Low–high of some values in one number format, with the unit once: `range([34, 112], msNumber, " ms")` → "34–112 ms". */
export function range(values: number[], format: (n: number) => string, unit = ""): string {
  const [lo, hi] = [format(Math.min(...values)), format(Math.max(...values))];
  return `${lo === hi ? lo : `${lo}–${hi}`}${unit}`;
}
/** `2026-11-25T11:26:43.740Z` → `2026-11-25 11:26 UTC`. */
export const when = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

function machine(m: Machine): string {
  const postgres = m.postgres ? /^PostgreSQL [\d.]+/.exec(m.postgres)?.[0] ?? m.postgres : "Postgres version not recorded";
  return `${m.cores} × ${m.cpuModel}${m.ramGiB === null ? "" : `, ${m.ramGiB} GiB RAM`}, Node ${m.node}, ${postgres}`;
}

/** The facts line every section opens with: machine, date, label, and where the raw output is. */
export function runLine({ file, results: r }: Recorded<AnyResults>): string {
  return `**Machine**: ${machine(r.machine)}. **Date**: ${when(r.date)}${r.label ? ` (${r.label})` : ""}. Raw output: \`${file}\`.`;
}

/** A history row's first cell: the run's date, linked (from docs/) to its results file. */
export const runLink = ({ file, results }: Recorded<AnyResults>) => `[${when(results.date)}](../${file})`;

/** Earlier runs, oldest first, then the latest; the label says what each measured. */
export function historyRows<T extends AnyResults>(latest: Recorded<T>, history: Recorded<T>[], cells: (r: T) => string[]): string[][] {
  return [...history, latest].map((rec) => [runLink(rec), `${rec.results.label ?? "—"}${rec === latest ? " (latest)" : ""}`, ...cells(rec.results)]);
}

/** Replaces what lies between `<!-- bench:NAME:start -->` and `<!-- bench:NAME:end -->`; the rest is kept byte for byte. */
export function replaceSection(doc: string, name: string, body: string): string {
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const i = doc.indexOf(start);
  const j = doc.indexOf(end);
  if (i < 0 || j < i) throw new Error(`docs/benchmarks.md has no ${start} … ${end} section`);
  if (doc.indexOf(start, i + 1) >= 0) throw new Error(`docs/benchmarks.md has ${start} twice`);
  return `${doc.slice(0, i + start.length)}\n${body.trim()}\n${doc.slice(j)}`;
}
