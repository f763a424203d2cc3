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
 * Coverage of a report's shown windows and of the periods each one's reference pools (the
 * trailing week, the previous window or the fixed period). `waiting` counts LLM spans with the
 * field set and no vector of the model; it is null when Pharos does not embed that model (its
 * vectors come with the client's spans), since nothing would ever fill them. Each distinct
 * period is counted once.
 */
export async function reportCoverage(options: {
  projectId: string; field: string; model: string; filters: DriftFilters | null; settings: StoredEmbeddingSettings; windows: Range[]; references: Range[][];
}): Promise<WindowCoverage[]> {
  const { projectId, model, filters } = options;
  const field = options.field === "output" ? "output" : "input";
  const embedsModel = (await workerModelName({ projectId, field, settings: options.settings })) === model;
  const counted = new Map<string, Promise<Coverage>>();
  const count = (r: Range) => {
    const key = `${r.start.getTime()}-${r.end.getTime()}`;
    if (!counted.has(key)) counted.set(key, coverageOf({ projectId, field, model, filters, range: r, embedsModel }));
    return counted.get(key)!;
  };
  return Promise.all(options.windows.map(async (w, i) => {
    const own = await count(w);
    const refs = await Promise.all((options.references[i] ?? []).map(count));
    const referenceWaiting = embedsModel ? refs.reduce((sum, c) => sum + (c.waiting ?? 0), 0) : null;
    return { llmSpans: own.llmSpans, waiting: own.waiting, referenceWaiting };
  }));
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
