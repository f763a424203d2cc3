import { writeAuditLog } from "../audit/write-audit-log";
import { db } from "../db";
import { AppError } from "../errors";
import { toJsonValue } from "../json";
import { forgetGuardPolicies } from "./policy-cache";
import { type Actor, actorColumns, BUILT_IN_NAME, configOf, policyNotFound } from "./policy-rows";

/**
 * Deletes a saved policy (by name from the public API, by id from the settings page), with an
 * audit row holding what it was. Deleting the default makes the policy named "default" the
 * default again (the built-in one when none is saved); the built-in policy cannot be deleted.
 */
export async function deleteGuardPolicy(options: { project: { id: string; orgId: string }; actor: Actor } & ({ name: string } | { policyId: string })) {
  const { project } = options;
  await db.$transaction(async (tx) => {
    const existing = "name" in options
      ? await tx.guardPolicy.findUnique({ where: { projectId_name: { projectId: project.id, name: options.name } } })
      : await tx.guardPolicy.findUnique({ where: { projectId_id: { projectId: project.id, id: options.policyId } } });
    if (!existing) {
      if ("name" in options && options.name === BUILT_IN_NAME) throw new AppError("CONFLICT", "The built-in policy 'default' cannot be deleted; save a policy named 'default' to replace it");
      throw policyNotFound("name" in options ? options.name : options.policyId);
    }
    await tx.guardPolicy.delete({ where: { projectId_id: { projectId: project.id, id: existing.id } } });
    await writeAuditLog(tx, {
      orgId: project.orgId, projectId: project.id, ...actorColumns(options.actor),
      action: "guard_policy.delete", resourceType: "guard_policy", resourceId: existing.id,
      before: toJsonValue({ name: existing.name, description: existing.description, isDefault: existing.isDefault, ...configOf(existing.config) }),
    });
  });
  forgetGuardPolicies(project.id);
  return { deleted: true };
}
