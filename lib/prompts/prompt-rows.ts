import type { Prisma, Prompt, PromptVersion } from "../generated/prisma/client";
import { db } from "../db";
import { AppError } from "../errors";
import type { ChatItem, Template } from "./template";

export type Tx = Prisma.TransactionClient;
/** The project a service acts in: its id scopes every query, its org the audit rows. */
export type ProjectRef = { id: string; orgId: string };
/** Who acts: a signed-in member or a project API key (its public key is recorded). */
export type Actor = { userId: string | null; apiKey?: string | null };

/**
 * Label moves, approvals and merges wait on row locks: 20 racing requests queue behind one
 * another, so a transaction may wait longer for its connection and its locks than Prisma's defaults allow.
 */
export const TX_OPTIONS = { maxWait: 20_000, timeout: 20_000 } as const;

export const auditActor = (actor: Actor) => ({ actorUserId: actor.userId, actorApiKey: actor.apiKey ?? null });

/** The channel the prompt fetch cache listens on; the payload is the project id. The fetch path relies on this exact contract. */
export const PROMPT_LABELS_CHANNEL = "pharos_prompt_labels";

/** Tells every server process that what a fetch resolves to may have changed (sent on commit). */
export async function notifyPromptChange(tx: Tx, projectId: string): Promise<void> {
  await tx.$executeRaw`select pg_notify(${PROMPT_LABELS_CHANNEL}, ${projectId})`;
}

export async function requirePrompt(options: { projectId: string; promptId: string; tx?: Tx }): Promise<Prompt> {
  const prompt = await (options.tx ?? db).prompt.findUnique({ where: { projectId_id: { projectId: options.projectId, id: options.promptId } } });
  if (!prompt) throw new AppError("NOT_FOUND", `Prompt ${options.promptId} not found`);
  return prompt;
}

export async function requireVersion(options: { projectId: string; promptId: string; version: number; tx?: Tx; field?: string }): Promise<PromptVersion> {
  const row = await (options.tx ?? db).promptVersion.findUnique({
    where: { projectId_promptId_version: { projectId: options.projectId, promptId: options.promptId, version: options.version } },
  });
  if (!row) throw new AppError("NOT_FOUND", `${options.field ? `${options.field}: ` : ""}version ${options.version} of this prompt does not exist`);
  return row;
}

export function serializeVersion(v: PromptVersion) {
  return {
    version: v.version,
    template: v.template as Template,
    config: v.config as Record<string, unknown>,
    variables: v.variables,
    commitMessage: v.commitMessage,
    authorId: v.authorId,
    authorApiKey: v.authorApiKey,
    contentHash: v.contentHash,
    createdAt: v.createdAt.toISOString(),
  };
}
export type VersionView = ReturnType<typeof serializeVersion>;

export function serializePrompt(p: Prompt) {
  return { id: p.id, name: p.name, type: p.type, description: p.description, tags: p.tags, createdById: p.createdById, createdAt: p.createdAt.toISOString(), updatedAt: p.updatedAt.toISOString() };
}

export type { ChatItem };
