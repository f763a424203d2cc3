import { type ProjectRef, requirePrompt, requireVersion, serializeVersion } from "./prompt-rows";

/** One version in full, with the labels that point at it now. */
export async function getPromptVersion(options: { project: ProjectRef; promptId: string; version: number }) {
  const { project, promptId, version } = options;
  await requirePrompt({ projectId: project.id, promptId });
  return serializeVersion(await requireVersion({ projectId: project.id, promptId, version }));
}
