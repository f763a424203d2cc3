// Prompt rows written straight into the tables the registry owns, and label moves made exactly
// the way lib/prompts/move-label.ts's contract says (update + pg_notify('pharos_prompt_labels',
// projectId) in one transaction). The fetch tests use these to control notification: e.g. a move
// WITHOUT notify shows that a cache really holds, which the registry's services never do.
import { createHash } from "node:crypto";
import { db } from "@/lib/db";

type Template = string | { role: string; content: string }[];

export async function seedPrompt(options: { projectId: string; name: string; type?: "text" | "chat"; versions: Template[]; config?: Record<string, unknown>; labels?: Record<string, number> }) {
  const { projectId, name, versions } = options;
  const type = options.type ?? (typeof versions[0] === "string" ? "text" : "chat");
  const prompt = await db.prompt.create({ data: { projectId, name, type }, select: { id: true } });
  await db.promptVersion.createMany({
    data: versions.map((template, i) => ({
      projectId, promptId: prompt.id, version: i + 1, template, config: { model: "gpt-4o-mini", temperature: 0.2, ...options.config },
      contentHash: createHash("sha256").update(JSON.stringify({ type, template, i })).digest("hex"),
    })),
  });
  const labels = Object.entries(options.labels ?? {});
  if (labels.length) await db.promptLabel.createMany({ data: labels.map(([label, version]) => ({ projectId, promptId: prompt.id, label, version })) });
  return { promptId: prompt.id };
}

const notify = (projectId: string) => db.$executeRaw`select pg_notify('pharos_prompt_labels', ${projectId})`;

/** Points a label at a version; `notify: false` leaves other processes' caches uninformed (to show they cache). */
export async function moveLabel(options: { projectId: string; promptId: string; label: string; version: number; notify?: boolean }) {
  const { projectId, promptId, label, version } = options;
  const update = db.promptLabel.update({ where: { projectId_promptId_label: { projectId, promptId, label } }, data: { version, revision: { increment: 1 } } });
  if (options.notify === false) await update;
  else await db.$transaction([update, notify(projectId)]);
}

export async function startCanary(options: { projectId: string; promptId: string; label: string; version: number; percent: number }) {
  const { projectId, promptId, label, version, percent } = options;
  const base = await db.promptLabel.findUniqueOrThrow({ where: { projectId_promptId_label: { projectId, promptId, label } } });
  const canary = await db.promptCanary.create({ data: { projectId, promptId, label, baseVersion: base.version, canaryVersion: version, percent }, select: { id: true } });
  await db.$transaction([
    db.promptLabel.update({ where: { projectId_promptId_label: { projectId, promptId, label } }, data: { canaryId: canary.id } }),
    notify(projectId),
  ]);
  return canary.id;
}

export async function endCanary(options: { projectId: string; canaryId: string }) {
  const { projectId, canaryId } = options;
  await db.$transaction([
    db.promptCanary.update({ where: { projectId_id: { projectId, id: canaryId } }, data: { status: "ended", endedAt: new Date() } }),
    db.promptLabel.updateMany({ where: { projectId, canaryId }, data: { canaryId: null } }),
    notify(projectId),
  ]);
}
