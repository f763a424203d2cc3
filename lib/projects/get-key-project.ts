import { db } from "../db";

/** The project an API key belongs to (lets SDKs and CI check a key). */
export async function getKeyProject(options: { projectId: string }) {
  return db.project.findUniqueOrThrow({ where: { id: options.projectId }, select: { id: true, name: true, orgId: true } });
}
