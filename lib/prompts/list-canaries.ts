import { db } from "../db";
import { serializeCanary } from "./canary-rows";
import { requirePrompt } from "./prompt-rows";

/** A prompt's canaries, active first, then newest. */
export async function listCanaries(options: { projectId: string; promptId: string }) {
  const { projectId, promptId } = options;
  await requirePrompt({ projectId, promptId });
  const rows = await db.promptCanary.findMany({ where: { projectId, promptId }, orderBy: [{ startedAt: "desc" }], take: 200 });
  return rows.sort((a, b) => Number(b.status === "active") - Number(a.status === "active")).map(serializeCanary);
}
