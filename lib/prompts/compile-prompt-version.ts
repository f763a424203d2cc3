import type { PromptType } from "./template";
import { compileTemplate, type Template } from "./template";
import { type ProjectRef, requirePrompt, requireVersion } from "./prompt-rows";

/** "Try it": a version compiled with the given variables. Unknown or missing variables → 400 naming them (lib/prompts/template.ts). */
export async function compilePromptVersion(options: { project: ProjectRef; promptId: string; version: number; variables: Record<string, unknown> }) {
  const { project, promptId, version } = options;
  const prompt = await requirePrompt({ projectId: project.id, promptId });
  const row = await requireVersion({ projectId: project.id, promptId, version, field: "body.version" });
  const compiled = compileTemplate(prompt.type as PromptType, row.template as Template, options.variables);
  return { version, type: prompt.type, variables: row.variables, compiled, config: row.config };
}
