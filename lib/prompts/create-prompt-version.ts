import { randomUUID } from "node:crypto";
import { writeAuditLog } from "../audit/write-audit-log";
import { db } from "../db";
import { AppError } from "../errors";
import type { CreatePromptVersionInput } from "../schemas/prompts";
import { type Actor, auditActor, notifyPromptChange, type ProjectRef, serializePrompt, serializeVersion, TX_OPTIONS, type Tx } from "./prompt-rows";
import { contentHash, extractVariables, type Template } from "./template";

export type CreateVersionResult = { prompt: ReturnType<typeof serializePrompt>; version: ReturnType<typeof serializeVersion>; created: boolean };

/**
 * Saves a version of the named prompt, creating the prompt on its first save. Content equal
 * to the latest version creates nothing (`created: false`). Numbers are race-safe: the
 * prompt row is locked while the next number is taken, and the (prompt, version) key is the backstop.
 */
export async function createPromptVersion(options: { project: ProjectRef; actor: Actor; input: CreatePromptVersionInput; tx?: Tx }): Promise<CreateVersionResult> {
  const { project, actor, input } = options;
  const template = input.template as Template;
  const config = input.config ?? {};
  const variables = extractVariables(input.type, template); // 400 naming the field on bad syntax
  const hash = contentHash({ type: input.type, template, config });

  const run = async (tx: Tx): Promise<CreateVersionResult> => {
    await tx.prompt.createMany({
      data: [{ projectId: project.id, id: randomUUID(), name: input.name, type: input.type, description: input.description ?? null, tags: input.tags ?? [], createdById: actor.userId }],
      skipDuplicates: true,
    });
    const [locked] = await tx.$queryRaw<{ id: string }[]>`select id from prompts where project_id = ${project.id} and name = ${input.name} for update`;
    const prompt = await tx.prompt.findUniqueOrThrow({ where: { projectId_id: { projectId: project.id, id: locked!.id } } });
    if (prompt.type !== input.type) throw new AppError("CONFLICT", `body.type: ${prompt.name} is a ${prompt.type} prompt; a version cannot change its type`);
    const latest = await tx.promptVersion.findFirst({ where: { projectId: project.id, promptId: prompt.id }, orderBy: { version: "desc" } });
    if (latest?.contentHash === hash) return { prompt: serializePrompt(prompt), version: serializeVersion(latest), created: false };

    const number = (latest?.version ?? 0) + 1;
    const version = await tx.promptVersion.create({
      data: { projectId: project.id, promptId: prompt.id, version: number, template, config: config as object, variables, commitMessage: input.commitMessage || null, authorId: actor.userId, authorApiKey: actor.apiKey ?? null, contentHash: hash },
    });
    const updated = await tx.prompt.update({
      where: { projectId_id: { projectId: project.id, id: prompt.id } },
      data: { updatedAt: new Date(), ...(input.description !== undefined ? { description: input.description } : {}), ...(input.tags ? { tags: input.tags } : {}) },
    });
    await writeAuditLog(tx, {
      orgId: project.orgId, projectId: project.id, ...auditActor(actor),
      action: "prompt.version.create", resourceType: "prompt", resourceId: prompt.id,
      before: latest ? { version: latest.version, contentHash: latest.contentHash } : undefined,
      after: { name: prompt.name, version: number, contentHash: hash, commitMessage: input.commitMessage ?? null, promptCreated: !latest },
    });
    // `latest` now resolves to the new version.
    await notifyPromptChange(tx, project.id);
    return { prompt: serializePrompt(updated), version: serializeVersion(version), created: true };
  };
  return options.tx ? run(options.tx) : db.$transaction(run, TX_OPTIONS);
}
