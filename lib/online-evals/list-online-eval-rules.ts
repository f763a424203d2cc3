import "server-only";
import { db } from "../db";
import { viewOf } from "./rule-rows";

/** The project's rules by name, with their counters. */
export async function listOnlineEvalRules(options: { projectId: string }) {
  const rows = await db.onlineEvalRule.findMany({ where: { projectId: options.projectId }, orderBy: { name: "asc" } });
  return rows.map(viewOf);
}
