import { db } from "../db";
import { redTeamSet, RED_TEAM_TEMPLATE } from "../red-team/red-team-set";
import { createDataset } from "./create-dataset";
import { insertNewItems } from "./insert-new-items";

/**
 * Imports the shipped red-team set (lib/red-team) into the golden set `name` (created when missing).
 * Idempotent: an item is added only when no version of any item in the set ever carried its
 * `metadata.redTeamId`, so a second import adds nothing, a newer Pharos adds only its new items,
 * and an item someone deleted stays deleted. Concurrent imports into one project serialise on an
 * advisory lock, so two clicks cannot both add the items.
 */
export async function importRedTeamSet(options: { projectId: string; userId: string | null; name?: string; description?: string }) {
  const { projectId } = options;
  const name = options.name ?? RED_TEAM_TEMPLATE;
  const set = redTeamSet();
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`select pg_advisory_xact_lock(hashtext(${`red-team:${projectId}`}))`;
    const found = await tx.dataset.findUnique({ where: { projectId_name: { projectId, name } }, select: { id: true, name: true } });
    const dataset = found ?? (await createDataset({ projectId, userId: options.userId, tx, input: { name, description: options.description ?? set.description } }));
    const rows = await tx.$queryRaw<{ id: string }[]>`
      select distinct metadata->>'redTeamId' as id from dataset_items
      where project_id = ${projectId} and dataset_id = ${dataset.id} and metadata ? 'redTeamId'`;
    const present = new Set(rows.map((r) => r.id));
    const missing = set.items.filter((i) => !present.has(i.metadata.redTeamId));
    if (missing.length) {
      await insertNewItems({ tx, projectId, datasetId: dataset.id, userId: options.userId, items: missing.map((i) => ({ input: i.input, expectedOutput: null, metadata: i.metadata, source: "import" as const })) });
    }
    return { id: dataset.id, name: dataset.name, created: !found, added: missing.length, alreadyPresent: set.items.length - missing.length, version: set.version };
  });
}
