import { diffWordsWithSpace } from "diff";
import type { RunRow } from "@/lib/queries/runs/keys";

/** Pure view logic for the runs pages (unit-tested in prepare-runs.test.ts). */
export const isLive = (status: string) => status === "queued" || status === "running";

/** "support-answer v3 (production)", "… · recorded outputs" when scored from supplied outputs, or "supplied outputs". */
export function runLabel(run: Pick<RunRow, "prompt" | "source">): string {
  if (!run.prompt) return "supplied outputs";
  // Outputs produced elsewhere with that version were scored, not generated here: say so, or two runs of v3 read alike.
  return `${run.prompt.name} v${run.prompt.version}${run.prompt.label ? ` (${run.prompt.label})` : ""}${run.source === "outputs" ? " · recorded outputs" : ""}`;
}

export function statusTone(run: Pick<RunRow, "status" | "passed">): "zinc" | "green" | "red" | "indigo" | "amber" {
  if (isLive(run.status)) return "indigo";
  if (run.status === "cancelled") return "amber";
  if (run.status === "failed") return "red";
  return run.passed ? "green" : "red";
}

/** The verdict badge: while live the status, then passed / failed / cancelled. */
export function verdictText(run: Pick<RunRow, "status" | "passed">): string {
  if (isLive(run.status) || run.status === "cancelled") return run.status;
  if (run.status === "failed") return "error";
  return run.passed ? "passed" : "failed";
}

/** 0–100, for the progress bar. */
export const progressPercent = (p: { done: number; total: number }) => (p.total ? Math.min(100, Math.round((p.done / p.total) * 100)) : 0);

/** Pass rate so far: over the finished run's summary, else passed of done. */
export function passRateOf(run: Pick<RunRow, "summary" | "progress">): number | null {
  if (run.summary) return run.summary.passRate;
  return run.progress.done ? run.progress.passed / run.progress.done : null;
}

/** "about 2 min left" style ETA (null while unknown). */
export function etaText(etaMs: number | null): string | null {
  if (etaMs === null) return null;
  const s = Math.round(etaMs / 1000);
  if (s < 60) return `${s}s left`;
  const m = Math.round(s / 60);
  return m < 60 ? `about ${m} min left` : `about ${Math.round(m / 6) / 10} h left`;
}

/** The latest other finished run on the same golden set that started before this one: what to compare against. */
export function previousRun(runs: readonly RunRow[], run: Pick<RunRow, "id" | "datasetId" | "createdAt">): RunRow | null {
  return runs
    .filter((r) => r.id !== run.id && r.datasetId === run.datasetId && !isLive(r.status) && r.createdAt <= run.createdAt)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0] ?? null;
}

export const compareHref = (projectId: string, ids: readonly string[]) => `/project/${projectId}/runs/compare?ids=${ids.map(encodeURIComponent).join(",")}`;

/** `?ids=a,b` → ["a", "b"] (trimmed, no blanks, no repeats). */
export function parseIds(value: string | null | undefined): string[] {
  return [...new Set((value ?? "").split(",").map((s) => s.trim()).filter(Boolean))];
}

/** Any output as text: strings as they are, other JSON pretty-printed. */
export function outputText(value: unknown): string {
  if (value === null || value === undefined) return "";
  return typeof value === "string" ? value : JSON.stringify(value, null, 2);
}

/** An item's input in one line: its question (or prompt/query/input/text field) when it has one, else compact JSON. */
export function inputText(value: unknown): string {
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    for (const k of ["question", "prompt", "query", "input", "text", "message"]) {
      const v = (value as Record<string, unknown>)[k];
      if (typeof v === "string") return v;
    }
    return JSON.stringify(value);
  }
  return outputText(value);
}

export type DiffPart = { text: string; kind: "same" | "added" | "removed" };
/** Word diff of a later output against the baseline's; null when they share under a third of their text (a diff would be noise). */
export function wordDiff(baseline: string, later: string): DiffPart[] | null {
  const parts: DiffPart[] = diffWordsWithSpace(baseline, later).map((p) => ({ text: p.value, kind: p.added ? "added" : p.removed ? "removed" : "same" }));
  const same = parts.filter((p) => p.kind === "same" && p.text.trim()).reduce((n, p) => n + p.text.length, 0);
  return same * 3 < Math.max(baseline.length, later.length) ? null : parts;
}

/** "p = 0.039", "p < 0.001", or "—" when the test has nothing to test. */
export function formatP(p: number | null): string {
  if (p === null) return "—";
  if (p < 0.001) return "p < 0.001";
  return `p = ${p.toFixed(3)}`;
}

/** Plain words for a test result at α = 0.05. */
export function significance(p: number | null, direction: number): "better" | "worse" | "no significant change" | "not enough pairs" {
  if (p === null) return "not enough pairs";
  if (p >= 0.05 || direction === 0) return "no significant change";
  return direction > 0 ? "better" : "worse";
}
