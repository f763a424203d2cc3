import { db } from "../db";
import { AppError } from "../errors";
import { requirePrompt, serializePrompt, serializeVersion } from "./prompt-rows";

/**
 * A prompt's page: the prompt, its versions newest first (content in full), its labels with
 * their revision and active canary, and its open change requests count. Found by id, or by name
 * (`name` — names hold "/", so the UI looks them up with ?name=).
 */
export async function getPrompt(options: { projectId: string; promptId?: string; name?: string }) {
  const { projectId } = options;
  const prompt = options.promptId
    ? await requirePrompt({ projectId, promptId: options.promptId })
    : await db.prompt.findUnique({ where: { projectId_name: { projectId, name: options.name ?? "" } } });
  if (!prompt) throw new AppError("NOT_FOUND", `Prompt ${options.name} not found`);
  const [versions, labels, canaries, open] = await Promise.all([
    db.promptVersion.findMany({ where: { projectId, promptId: prompt.id }, orderBy: { version: "desc" }, take: 500 }),
    db.promptLabel.findMany({ where: { projectId, promptId: prompt.id, revision: { gt: 0 } }, orderBy: { label: "asc" } }),
    db.promptCanary.findMany({ where: { projectId, promptId: prompt.id, status: "active" } }),
    db.promptChangeRequest.count({ where: { projectId, promptId: prompt.id, status: "open" } }),
  ]);
  const latest = versions[0]?.version ?? 0;
  return {
    prompt: serializePrompt(prompt),
    latestVersion: latest,
    versions: versions.map(serializeVersion),
    labels: [
      { label: "latest", version: latest, revision: null, virtual: true, canary: null, updatedAt: versions[0]?.createdAt.toISOString() ?? null },
      ...labels.map((l) => {
        const c = canaries.find((x) => x.id === l.canaryId);
        return { label: l.label, version: l.version, revision: l.revision, virtual: false, updatedAt: l.updatedAt.toISOString(), canary: c ? { id: c.id, version: c.canaryVersion, percent: c.percent, startedAt: c.startedAt.toISOString() } : null };
      }),
    ],
    openChangeRequests: open,
  };
}
