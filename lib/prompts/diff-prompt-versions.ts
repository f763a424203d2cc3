import { type ProjectRef, requirePrompt, requireVersion, serializeVersion } from "./prompt-rows";

/** Both versions in full: the UI renders the side-by-side text and config diff (the `diff` package). */
export async function diffPromptVersions(options: { project: ProjectRef; promptId: string; from: number; to: number }) {
  const { project, promptId } = options;
  await requirePrompt({ projectId: project.id, promptId });
  const [from, to] = await Promise.all([
    requireVersion({ projectId: project.id, promptId, version: options.from, field: "query.from" }),
    requireVersion({ projectId: project.id, promptId, version: options.to, field: "query.to" }),
  ]);
  return { from: serializeVersion(from), to: serializeVersion(to) };
}
