import type { z } from "zod";
import { db } from "../db";
import { AppError } from "../errors";
import type { promoteBody } from "../schemas/datasets";
import { createDataset } from "./create-dataset";
import { requireDataset } from "./dataset-rows";
import { insertNewItems } from "./insert-new-items";
import { getAnswerContext } from "../traces/get-answer-context";
import { traceSpans } from "../traces/trace-spans";

/**
 * "Promote to golden set": a trace (or one of its spans, or the inbox item about it)
 * becomes version 1 of a new item, keeping where it came from — trace, span, triage item,
 * model and prompt version — plus who promoted it and when. The dataset may be created on
 * the way (same transaction, so a name clash leaves nothing behind).
 */
export async function promoteToDataset(options: { projectId: string; userId: string; input: z.infer<typeof promoteBody> }) {
  const { projectId, userId, input } = options;
  const trace = await db.trace.findUnique({ where: { projectId_id: { projectId, id: input.traceId } } });
  if (!trace) throw new AppError("NOT_FOUND", `Trace ${input.traceId} not found`);
  const span = input.spanId ? (await traceSpans({ projectId, trace, where: { id: input.spanId } }))[0] ?? null : null;
  if (input.spanId && !span) throw new AppError("NOT_FOUND", `Span ${input.spanId} not found in trace ${trace.id}`);
  if (input.triageItemId) {
    const triage = await db.triageItem.findUnique({ where: { projectId_id: { projectId, id: input.triageItemId } }, select: { traceId: true } });
    if (!triage || triage.traceId !== trace.id) throw new AppError("NOT_FOUND", `Inbox item ${input.triageItemId} not found for trace ${trace.id}`);
  }

  const itemInput = input.input ?? span?.input ?? trace.input;
  if (itemInput === null || itemInput === undefined) {
    throw new AppError("INVALID", `body.input: required — ${span ? `span ${span.id}` : `trace ${trace.id}`} has no input to default to`);
  }
  // Provenance goes last so it cannot be overwritten by caller metadata.
  const provenance = Object.fromEntries(
    Object.entries({
      triageItemId: input.triageItemId,
      model: span?.model ?? trace.models[0],
      models: span ? undefined : trace.models.length > 1 ? trace.models : undefined,
      promptName: span?.promptName ?? trace.promptName,
      promptVersion: span?.promptVersion ?? trace.promptVersion,
      environment: trace.environment,
      release: trace.release,
    }).filter(([, v]) => v !== undefined && v !== null),
  );
  const source = input.triageItemId ? "inbox" : span ? "span" : "trace";
  const contexts = input.contexts ?? (await retrievedContexts(projectId, trace.id, span));

  return db.$transaction(async (tx) => {
    const dataset = input.datasetId
      ? await requireDataset({ projectId, datasetId: input.datasetId, tx })
      : await createDataset({ projectId, userId, input: { name: input.newDatasetName! }, tx });
    const [itemId] = await insertNewItems({
      tx, projectId, datasetId: dataset.id, userId,
      items: [{ input: itemInput, expectedOutput: input.expectedOutput, metadata: { ...input.metadata, ...provenance }, contexts: contexts.length ? contexts : null, source, sourceTraceId: trace.id, sourceSpanId: span?.id ?? null }],
    });
    const item = await tx.datasetItem.findFirstOrThrow({ where: { projectId, datasetId: dataset.id, itemId, validTo: null } });
    const { projectId: _p, ...rest } = item;
    return { dataset: { id: dataset.id, name: dataset.name, created: !input.datasetId }, item: rest };
  });
}

/**
 * A RAG trace's retrieved documents as the item's contexts: the answer context of the promoted
 * LLM span, else of the trace's answer (its last LLM span); documents without content are left out.
 */
async function retrievedContexts(projectId: string, traceId: string, span: { id: string; kind: string } | null) {
  const context = await getAnswerContext({ projectId, traceId, ...(span?.kind === "llm" ? { spanId: span.id } : {}) });
  return context.documents.flatMap((d) => (d.content === null ? [] : [{ content: d.content, ...(d.id !== null ? { id: d.id } : {}), ...(d.score !== null ? { score: d.score } : {}), ...(d.metadata ? { metadata: d.metadata } : {}) }]));
}
