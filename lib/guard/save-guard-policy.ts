import { writeAuditLog } from "../audit/write-audit-log";
import { db } from "../db";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { toJsonValue } from "../json";
import { guardPolicyConfig, type PutGuardPolicy } from "../schemas/guard";
import { forgetGuardPolicies } from "./policy-cache";
import { type Actor, actorColumns, BUILT_IN_CONFIG, BUILT_IN_NAME, configOf, policyNotFound, readPolicies, viewOf } from "./policy-rows";

type Project = { id: string; orgId: string };
type Row = Awaited<ReturnType<typeof db.guardPolicy.findUnique>> & {};

/** Registered prompts must exist: a misspelt name would silently check nothing. */
async function checkPromptNames(projectId: string, names: readonly string[]) {
  if (!names.length) return;
  const found = await db.prompt.findMany({ where: { projectId, name: { in: [...names] } }, select: { name: true } });
  const i = names.findIndex((n) => !found.some((f) => f.name === n));
  if (i >= 0) throw new AppError("INVALID", `body.systemPrompts.prompts.${i}: no prompt named '${names[i]}' in this project`);
}

const snapshot = (r: { description: string; isDefault: boolean; config: unknown }) => toJsonValue({ description: r.description, isDefault: r.isDefault, ...configOf(r.config) });

/**
 * Writes a whole policy (a new row, or `existing` replaced and possibly renamed) in one
 * transaction with its audit row. `isDefault: true` makes it the project's default (the previous
 * default stops being it); saving "default" replaces the built-in policy of that name.
 */
async function save(tx: Prisma.TransactionClient, o: { project: Project; actor: Actor; name: string; input: PutGuardPolicy; existing: Row | null }) {
  const { project, name, input, existing } = o;
  const config = toJsonValue(guardPolicyConfig.parse({ input: input.input, output: input.output, deniedTerms: input.deniedTerms, systemPrompts: input.systemPrompts }));
  if (input.isDefault) await tx.guardPolicy.updateMany({ where: { projectId: project.id, isDefault: true, ...(existing ? { NOT: { id: existing.id } } : {}) }, data: { isDefault: false } });
  const data = { name, description: input.description, isDefault: input.isDefault, config };
  const row = existing
    ? await tx.guardPolicy.update({ where: { projectId_id: { projectId: project.id, id: existing.id } }, data })
    : await tx.guardPolicy.create({ data: { projectId: project.id, ...data } });
  const before = existing ? snapshot(existing) : name === BUILT_IN_NAME ? toJsonValue({ builtIn: true, ...BUILT_IN_CONFIG }) : undefined;
  await writeAuditLog(tx, {
    orgId: project.orgId, projectId: project.id, ...actorColumns(o.actor),
    action: existing ? "guard_policy.update" : "guard_policy.create", resourceType: "guard_policy", resourceId: row.id,
    ...(before ? { before } : {}), after: toJsonValue({ name: row.name, ...(snapshot(row) as object) }),
  });
  return row;
}

async function finish(project: Project, row: Row) {
  forgetGuardPolicies(project.id);
  const { defaultName } = await readPolicies(project.id);
  return viewOf(row, row.name === defaultName);
}

const nameTaken = (name: string) => new AppError("CONFLICT", `A guard policy named '${name}' already exists`);
const isUniqueViolation = (e: unknown) => typeof e === "object" && e !== null && (e as { code?: unknown }).code === "P2002";

/** Public API: creates the policy called `name`, or replaces it whole. */
export async function putGuardPolicy(options: { project: Project; actor: Actor; name: string; input: PutGuardPolicy }) {
  const { project, name } = options;
  await checkPromptNames(project.id, options.input.systemPrompts.prompts);
  const result = await db.$transaction(async (tx) => {
    const existing = await tx.guardPolicy.findUnique({ where: { projectId_name: { projectId: project.id, name } } });
    return { row: await save(tx, { ...options, existing }), created: !existing };
  });
  return { policy: await finish(project, result.row), created: result.created };
}

/** Settings page: a new policy (409 when the name is taken; "default" is free until saved once). */
export async function createGuardPolicy(options: { project: Project; actor: Actor; name: string; input: PutGuardPolicy }) {
  await checkPromptNames(options.project.id, options.input.systemPrompts.prompts);
  try {
    const row = await db.$transaction((tx) => save(tx, { ...options, existing: null }));
    return await finish(options.project, row);
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(options.name);
    throw error;
  }
}

/** Settings page: replaces the policy with this id whole, its name included. */
export async function updateGuardPolicy(options: { project: Project; actor: Actor; policyId: string; name: string; input: PutGuardPolicy }) {
  const { project, policyId } = options;
  await checkPromptNames(project.id, options.input.systemPrompts.prompts);
  try {
    const row = await db.$transaction(async (tx) => {
      const existing = await tx.guardPolicy.findUnique({ where: { projectId_id: { projectId: project.id, id: policyId } } });
      if (!existing) throw policyNotFound(policyId);
      return save(tx, { ...options, existing });
    });
    return await finish(project, row);
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(options.name);
    throw error;
  }
}
