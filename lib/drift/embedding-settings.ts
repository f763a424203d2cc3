import "server-only";
import { db } from "../db";
import { DEFAULT_EMBEDDING_SETTINGS, type StoredEmbeddingSettings, storedEmbeddingSettingsSchema } from "../schemas/drift";

/** A project's embedding/drift settings with defaults for anything unset. */
export async function embeddingSettings(options: { projectId: string }): Promise<StoredEmbeddingSettings> {
  const row = await db.projectSettings.findUnique({ where: { projectId: options.projectId }, select: { embeddingSettings: true } });
  const parsed = storedEmbeddingSettingsSchema.partial().safeParse(row?.embeddingSettings ?? {});
  return { ...DEFAULT_EMBEDDING_SETTINGS, ...(parsed.success ? stripUndefined(parsed.data) : {}) };
}

/** Unset keys must not overwrite defaults or stored values when settings are merged. */
export function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
