/**
 * docs/benchmarks.md from the results files: each benchmark's generated sections replace what
 * lies between their markers; the prose around them is kept as written. Pure: text and
 * results in, text out (bench/report.ts does the reading and writing).
 */
import type { AnnotateResults, AnyResults, DashboardResults, DriftResults, ExplorerResults, GuardResults, IngestResults, PromptsResults, RagBenchResults, RunsBenchResults } from "../lib/results";
import { type Recorded, replaceSection } from "./markdown";
import { renderAnnotate } from "./render-annotate";
import { renderDashboard } from "./render-dashboard";
import { renderDrift } from "./render-drift";
import { renderExplorer } from "./render-explorer";
import { renderGuard } from "./render-guard";
import { renderIngest } from "./render-ingest";
import { renderPrompts } from "./render-prompts";
import { renderRag } from "./render-rag";
import { renderRuns } from "./render-runs";

export type Runs<T extends AnyResults> = { latest: Recorded<T>; history: Recorded<T>[] };
export type AllRuns = { ingest: Runs<IngestResults>; dashboard: Runs<DashboardResults>; explorer: Runs<ExplorerResults>; drift: Runs<DriftResults>; prompts: Runs<PromptsResults>; runs: Runs<RunsBenchResults>; annotate: Runs<AnnotateResults>; guard: Runs<GuardResults>; rag: Runs<RagBenchResults> };

/** Every generated section, by marker name (`ingest`, `ingest:goals`, `ingest:history`, …). */
export function renderSections(runs: AllRuns): Record<string, string> {
  return {
    ...renderIngest(runs.ingest.latest, runs.ingest.history),
    ...renderDashboard(runs.dashboard.latest, runs.dashboard.history),
    ...renderExplorer(runs.explorer.latest, runs.explorer.history),
    ...renderDrift(runs.drift.latest, runs.drift.history),
    ...renderPrompts(runs.prompts.latest, runs.prompts.history),
    ...renderRuns(runs.runs.latest, runs.runs.history),
    ...renderAnnotate(runs.annotate.latest, runs.annotate.history),
    ...renderGuard(runs.guard.latest, runs.guard.history),
    ...renderRag(runs.rag.latest, runs.rag.history),
  };
}

export function renderBenchmarksDoc(doc: string, runs: AllRuns): string {
  return Object.entries(renderSections(runs)).reduce((text, [name, body]) => replaceSection(text, name, body), doc);
}
