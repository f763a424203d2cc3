import "server-only";
import { sqlPool } from "../db-sql-pool";
import { hasNoVector } from "../embeddings/embed-span-rows";
import { workerModelName } from "../embeddings/worker-model-name";
import type { StoredEmbeddingSettings } from "../schemas/drift";
import type { DriftFilters } from "./load-window-vectors";
import { spanFilterSql } from "./span-filter-sql";

type Range = { start: Date; end: Date };
/** How much of a window could be compared: its LLM spans with text in the field vs those still waiting for a vector. */
export type Coverage = { llmSpans: number; waiting: number | null };
/** What a report stores per shown window beside its test, so an untested window says why. */
export type WindowCoverage = { llmSpans: number; waiting: number | null; referenceWaiting: number | null };

/**
 * Coverage of a report's windows (`all`, as the report walks them: with the previous-window
 * baseline the first is only a reference) and of its fixed reference, if any. `waiting` counts
 * LLM spans with the field set and no vector of the model; it is null when Pharos does not embed
 * that model (its vectors come with the client's spans), since nothing would ever fill them.
 */
export async function reportCoverage(options: {
  projectId: string; field: string; model: string; filters: DriftFilters | null; settings: StoredEmbeddingSettings; all: Range[]; fixedReference: Range | null;
}): Promise<WindowCoverage[]> {
  const { projectId, model, filters, all, fixedReference } = options;
  const field = options.field === "output" ? "output" : "input";
  const embedsModel = (await workerModelName({ projectId, field, settings: options.settings })) === model;
  const count = (r: Range) => coverageOf({ projectId, field, model, filters, range: r, embedsModel });
  const windows = await Promise.all(all.map(count));
  const fixed = fixedReference ? await count(fixedReference) : null;
  const shown = fixed ? windows : windows.slice(1);
  return shown.map((c, i) => ({ llmSpans: c.llmSpans, waiting: c.waiting, referenceWaiting: (fixed ?? windows[i]!).waiting }));
}

async function coverageOf(o: { projectId: string; field: "input" | "output"; model: string; filters: DriftFilters | null; range: Range; embedsModel: boolean }): Promise<Coverage> {
  const params: unknown[] = [o.projectId, o.range.start, o.range.end, o.field, o.model];
  const where = spanFilterSql(o.filters, params);
  const res = await sqlPool().query<{ spans: number; missing: number }>(
    `select count(*)::int as spans, count(*) filter (where ${hasNoVector(4, 5)})::int as missing from spans s
     where s.project_id = $1 and s.kind = 'llm' and s.start_time >= $2 and s.start_time < $3 and s.${o.field} is not null ${where.map((w) => `and ${w}`).join(" ")}`,
    params,
  );
  const row = res.rows[0]!;
  return { llmSpans: row.spans, waiting: o.embedsModel ? row.missing : null };
}
