import { writeAuditLog } from "../audit/write-audit-log";
import { db } from "../db";
import { AppError } from "../errors";
import { toJsonValue } from "../json";
import { forgetGuardPolicies } from "./policy-cache";
import { type Actor, actorColumns, BUILT_IN_NAME, configOf, policyNotFound } from "./policy-rows";

/**
 * Deletes a saved policy, with an audit row holding what it was. Deleting the default makes
 * the policy named "default" the default again (the built-in one when none is saved);
 * the built-in policy itself cannot be deleted.
 */
export async function deleteGuardPolicy(options: { project: { id: string; orgId: string }; actor: Actor; name: string }) {
  const { project, name } = options;
  await db.$transaction(async (tx) => {
    const existing = await tx.guardPolicy.findUnique({ where: { projectId_name: { projectId: project.id, name } } });
    if (!existing) {
      if (name === BUILT_IN_NAME) throw new AppError("CONFLICT", "The built-in policy 'default' cannot be deleted; save a policy named 'default' to replace it");
      throw policyNotFound(name);
    }
    await tx.guardPolicy.delete({ where: { projectId_id: { projectId: project.id, id: existing.id } } });
    await writeAuditLog(tx, {
      orgId: project.orgId, projectId: project.id, ...actorColumns(options.actor),
      action: "guard_policy.delete", resourceType: "guard_policy", resourceId: name,
      before: toJsonValue({ description: existing.description, isDefault: existing.isDefault, ...configOf(existing.config) }),
    });
  });
  forgetGuardPolicies(project.id);
  return { deleted: true };
}
