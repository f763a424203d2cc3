import "server-only";
import { db } from "../db";
import { AppError } from "../errors";

/**
 * The prompt version a run will use, fixed at start: a version as given, or the version a
 * label points at now (default `production`). 400s name the field.
 */
export async function resolveRunPrompt(options: { projectId: string; prompt: { id?: string; name?: string; label?: string; version?: number } }) {
  const { projectId, prompt } = options;
  const row = prompt.id !== undefined
    ? await db.prompt.findUnique({ where: { projectId_id: { projectId, id: prompt.id } } })
    : await db.prompt.findUnique({ where: { projectId_name: { projectId, name: prompt.name ?? "" } } });
  if (!row) throw new AppError("INVALID", prompt.id !== undefined ? `body.prompt.id: prompt ${prompt.id} not found` : `body.prompt.name: prompt "${prompt.name}" not found`);
  let version = prompt.version;
  let label: string | null = null;
  if (version === undefined) {
    label = prompt.label ?? "production";
    const pointed = await db.promptLabel.findUnique({ where: { projectId_promptId_label: { projectId, promptId: row.id, label } } });
    if (!pointed) throw new AppError("INVALID", `body.prompt.label: prompt "${row.name}" has no label "${label}"`);
    version = pointed.version;
  }
  const content = await db.promptVersion.findUnique({ where: { projectId_promptId_version: { projectId, promptId: row.id, version } } });
  if (!content) throw new AppError("INVALID", `body.prompt.version: prompt "${row.name}" has no version ${version}`);
  return { prompt: row, version: content, label };
}
