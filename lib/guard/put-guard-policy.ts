import { writeAuditLog } from "../audit/write-audit-log";
import { db } from "../db";
import { AppError } from "../errors";
import { toJsonValue } from "../json";
import { guardPolicyConfig, type PutGuardPolicy } from "../schemas/guard";
import { forgetGuardPolicies } from "./policy-cache";
import { type Actor, actorColumns, BUILT_IN_CONFIG, BUILT_IN_NAME, configOf, readPolicies, viewOf } from "./policy-rows";

type Project = { id: string; orgId: string };

/** Registered prompts must exist: a misspelt name would silently check nothing. */
async function checkPromptNames(projectId: string, names: readonly string[], field: string) {
  if (!names.length) return;
  const found = await db.prompt.findMany({ where: { projectId, name: { in: [...names] } }, select: { name: true } });
  const missing = names.map((n, i) => [n, i] as const).filter(([n]) => !found.some((f) => f.name === n));
  if (missing.length) {
    const [name, i] = missing[0]!;
    throw new AppError("INVALID", `${field}.systemPrompts.prompts.${i}: no prompt named '${name}' in this project`);
  }
}

/**
 * Creates the policy called `name` or replaces it whole, in one transaction with its audit row.
 * `isDefault: true` makes it the project's default (the previous default stops being it);
 * saving "default" replaces the built-in policy of that name.
 */
export async function putGuardPolicy(options: { project: Project; actor: Actor; name: string; input: PutGuardPolicy; field?: string }) {
  const { project, name, input } = options;
  await checkPromptNames(project.id, input.systemPrompts.prompts, options.field ?? "body");
  const config = toJsonValue(guardPolicyConfig.parse({ input: input.input, output: input.output, deniedTerms: input.deniedTerms, systemPrompts: input.systemPrompts }));
  const result = await db.$transaction(async (tx) => {
    const existing = await tx.guardPolicy.findUnique({ where: { projectId_name: { projectId: project.id, name } } });
    // Lock order: the project's default row first, so two concurrent "make me default" calls serialize.
    if (input.isDefault) await tx.guardPolicy.updateMany({ where: { projectId: project.id, isDefault: true, NOT: { name } }, data: { isDefault: false } });
    const data = { description: input.description, isDefault: input.isDefault, config };
    const row = existing
      ? await tx.guardPolicy.update({ where: { projectId_id: { projectId: project.id, id: existing.id } }, data })
      : await tx.guardPolicy.create({ data: { projectId: project.id, name, ...data } });
    const before = existing
      ? { description: existing.description, isDefault: existing.isDefault, ...configOf(existing.config) }
      : name === BUILT_IN_NAME ? { builtIn: true, ...BUILT_IN_CONFIG } : undefined;
    await writeAuditLog(tx, {
      orgId: project.orgId, projectId: project.id, ...actorColumns(options.actor),
      action: existing ? "guard_policy.update" : "guard_policy.create", resourceType: "guard_policy", resourceId: name,
      ...(before ? { before: toJsonValue(before) } : {}),
      after: toJsonValue({ description: row.description, isDefault: row.isDefault, ...configOf(row.config) }),
    });
    return { row, created: !existing };
  });
  forgetGuardPolicies(project.id);
  const { defaultName } = await readPolicies(project.id);
  return { policy: viewOf(result.row, result.row.name === defaultName), created: result.created };
}
