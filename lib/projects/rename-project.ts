import { db } from "../db";
import { writeAuditLog } from "../audit/write-audit-log";

export async function renameProject(options: { project: { id: string; orgId: string; name: string }; name: string; actorUserId: string }) {
  const { project, name } = options;
  return db.$transaction(async (tx) => {
    const updated = await tx.project.update({ where: { id: project.id }, data: { name } });
    await writeAuditLog(tx, {
      orgId: project.orgId,
      projectId: project.id,
      actorUserId: options.actorUserId,
      action: "project.rename",
      resourceType: "project",
      resourceId: project.id,
      before: { name: project.name },
      after: { name },
    });
    return { id: updated.id, orgId: updated.orgId, name: updated.name };
  });
}
