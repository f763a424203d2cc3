import { db } from "../db";
import { evaluateChangeRequest, serializeChangeRequest } from "./change-request-rows";
import { type ProjectRef, requirePrompt } from "./prompt-rows";

/** A prompt's change requests (open ones by default), newest first, each with where it stands. */
export async function listChangeRequests(options: { project: ProjectRef; promptId: string; status: "open" | "merged" | "closed" | "all" }) {
  const { project, promptId, status } = options;
  await requirePrompt({ projectId: project.id, promptId });
  const rows = await db.promptChangeRequest.findMany({
    where: { projectId: project.id, promptId, ...(status === "all" ? {} : { status }) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 200,
  });
  return Promise.all(rows.map(async (cr) => serializeChangeRequest(cr, cr.status === "open" ? await evaluateChangeRequest(db, project, cr) : undefined)));
}
