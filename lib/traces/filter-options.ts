import { db } from "../db";
import { GRAIN, rollupCutoff } from "../metrics/rollup-tiers";

const HOUR = 3_600_000;
const FULL_KEY = GRAIN.model | GRAIN.environment | GRAIN.prompt;

/** Traces sampled (newest first) for values the rollups do not carry: releases, tags, names. */
const RECENT_TRACES = 5000;

/**
 * Values the explorer's filter menus offer. Cheap by construction: models, environments and
 * prompts come from the hour/minute rollups of a bounded window, releases, tags and names from the
 * newest traces only (walking the (project, start time) index). Typed values still work for anything older.
 */
export async function traceFilterOptions(options: { projectId: string; days: number; now?: Date }) {
  const { projectId } = options;
  const since = new Date((options.now ?? new Date()).getTime() - options.days * 86_400_000);
  // Whole hours the worker has rolled up come from the hour tier (60× fewer rows), the rest from metric_minutes.
  const cutoff = await rollupCutoff();
  const hourCutoff = cutoff ? new Date(Math.floor(cutoff.getTime() / HOUR) * HOUR) : null;
  const hoursTo = hourCutoff && hourCutoff > since ? hourCutoff : since;
  const [rollups, recent] = await Promise.all([
    db.$queryRaw<{ models: string[]; environments: string[]; prompts: { name: string; version: number }[] }[]>`
      with dims as (
        select model, environment, prompt_name, prompt_version from metric_rollups
        where project_id = ${projectId} and tier = 3600 and grain = ${FULL_KEY} and start >= ${since} and start < ${hoursTo}
        union
        select model, environment, prompt_name, prompt_version from metric_minutes where project_id = ${projectId} and minute >= ${hoursTo}
      )
      select coalesce(array_agg(distinct model) filter (where model <> ''), '{}') as models,
             coalesce(array_agg(distinct environment) filter (where environment <> ''), '{}') as environments,
             coalesce(jsonb_agg(distinct jsonb_build_object('name', prompt_name, 'version', prompt_version)) filter (where prompt_name <> ''), '[]'::jsonb) as prompts
      from dims`,
    db.$queryRaw<{ releases: string[]; tags: string[]; names: string[] }[]>`
      with recent as (
        select release, tags, coalesce(trace_name, root_name, first_name) as name from traces
        where project_id = ${projectId} order by start_time desc limit ${RECENT_TRACES}
      )
      select coalesce((select array_agg(distinct release) from recent where release is not null), '{}') as releases,
             coalesce((select array_agg(distinct tag) from recent, unnest(tags) tag), '{}') as tags,
             coalesce((select array_agg(distinct name) from recent where name is not null), '{}') as names`,
  ]);
  const r = rollups[0]!;
  const t = recent[0]!;
  const prompts = [...r.prompts].sort((a, b) => a.name.localeCompare(b.name) || a.version - b.version);
  return {
    models: [...r.models].sort(),
    environments: [...r.environments].sort(),
    promptNames: [...new Set(prompts.map((p) => p.name))],
    promptVersions: prompts,
    releases: [...t.releases].sort().reverse(),
    tags: [...t.tags].sort(),
    names: [...t.names].sort(),
  };
}
