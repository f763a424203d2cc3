import { db } from "../db";
import { AppError } from "../errors";

/** Adds a comment to an item of the project; the body is stored as plain text. */
export async function addTriageComment(options: { projectId: string; itemId: string; author: { id: string; name: string | null; email: string }; body: string }) {
  const { projectId, itemId, author } = options;
  const item = await db.triageItem.findUnique({ where: { projectId_id: { projectId, id: itemId } }, select: { id: true } });
  if (!item) throw new AppError("NOT_FOUND", `Triage item ${itemId} not found`);
  const comment = await db.$transaction(async (tx) => {
    const c = await tx.triageComment.create({ data: { projectId, itemId, authorId: author.id, body: options.body } });
    // Commenting is activity on the item: it moves up in "recently updated" views.
    await tx.triageItem.update({ where: { projectId_id: { projectId, id: itemId } }, data: { updatedAt: c.createdAt } });
    return c;
  });
  return { id: comment.id, body: comment.body, createdAt: comment.createdAt, author: { id: author.id, name: author.name, email: author.email } };
}
