import { db } from "../db";
import { viewOf } from "./connection-rows";

/** The project's connections by name, without secrets. */
export async function listLlmConnections(options: { projectId: string }) {
  const rows = await db.llmConnection.findMany({ where: { projectId: options.projectId }, orderBy: { name: "asc" }, omit: { apiKeyEncrypted: false } });
  return rows.map(({ apiKeyEncrypted, ...row }) => viewOf({ ...row, hasApiKey: apiKeyEncrypted !== null }));
}
