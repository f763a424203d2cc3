import "server-only";
import { db } from "../../db";
import type { PromptHead, PromptType, VersionContent } from "./prompt-cache";

type HeadRow = {
  prompt_id: string;
  type: PromptType;
  latest: number | null;
  labels: { label: string; version: number; canaryId: string | null; canaryVersion: number | null; percent: number | null }[];
};

/** A prompt's labels, active canaries and newest version, in one round trip; null when there is no such prompt. */
export async function readPromptHead(options: { projectId: string; name: string }): Promise<PromptHead | null> {
  const { projectId, name } = options;
  const rows = await db.$queryRaw<HeadRow[]>`
    select p.id as prompt_id, p.type::text as type,
      (select max(v.version) from prompt_versions v where v.project_id = p.project_id and v.prompt_id = p.id) as latest,
      coalesce(json_agg(json_build_object('label', l.label, 'version', l.version, 'canaryId', c.id, 'canaryVersion', c.canary_version, 'percent', c.percent))
        filter (where l.label is not null), '[]') as labels
    from prompts p
    left join prompt_labels l on l.project_id = p.project_id and l.prompt_id = p.id
    left join prompt_canaries c on c.project_id = l.project_id and c.id = l.canary_id and c.status = 'active'
    where p.project_id = ${projectId} and p.name = ${name}
    group by p.project_id, p.id, p.type`;
  const row = rows[0];
  if (!row) return null;
  const labels: PromptHead["labels"] = new Map();
  for (const l of row.labels) {
    const canary = l.canaryId !== null && l.canaryVersion !== null && l.percent !== null ? { id: l.canaryId, version: l.canaryVersion, percent: l.percent } : null;
    labels.set(l.label, { version: l.version, canary });
  }
  return { promptId: row.prompt_id, type: row.type, latest: row.latest, labels };
}

/** One version's content; null when the prompt has no such version. */
export async function readVersionContent(options: { projectId: string; promptId: string; version: number }): Promise<VersionContent | null> {
  const { projectId, promptId, version } = options;
  return db.promptVersion.findUnique({
    where: { projectId_promptId_version: { projectId, promptId, version } },
    select: { template: true, config: true, contentHash: true },
  });
}
