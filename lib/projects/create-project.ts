import { db } from "../db";
import { writeAuditLog } from "../audit/write-audit-log";

export async function createProject(options: { orgId: string; name: string; actorUserId: string }) {
  return db.$transaction(async (tx) => {
    const project = await tx.project.create({ data: { orgId: options.orgId, name: options.name } });
    await writeAuditLog(tx, {
      orgId: options.orgId,
      projectId: project.id,
      actorUserId: options.actorUserId,
      action: "project.create",
      resourceType: "project",
      resourceId: project.id,
      after: { name: project.name },
    });
    return { id: project.id, orgId: project.orgId, name: project.name, createdAt: project.createdAt };
  });
}
