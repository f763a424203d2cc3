import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { AppError } from "../errors";
import { inTraceRange } from "../traces/trace-spans";
import { addPairs } from "./add-pairs";
import { requireQueue } from "./queue-rows";

const asText = (v: unknown) => (v == null ? "" : typeof v === "string" ? v : (JSON.stringify(v, null, 2) ?? ""));

/** The trace's output, else (a root that records none) the output of its last LLM span. */
async function outputOf(projectId: string, trace: { id: string; output: unknown; startTime: Date; endTime: Date }): Promise<unknown> {
  if (trace.output != null) return trace.output;
  const where = { projectId, traceId: trace.id, kind: "llm", output: { not: Prisma.AnyNull } };
  const last = (range: object) => db.span.findFirst({ where: { ...where, ...range }, orderBy: { startTime: "desc" }, select: { output: true } });
  // Within the trace's time range first (the partitions that hold its spans), else every partition.
  const span = (await last(inTraceRange(trace))) ?? (await last({}));
  return span?.output ?? null;
}

/**
 * Traces into a single-item queue: each item is the trace's input (shown as the prompt) and its
 * output (the response rated). Stored as a pair row with no B, so leasing, k, skip and undo are
 * the pair queue's; the trace id is the provenance the ratings are written back to.
 */
export async function addItems(options: { projectId: string; queueId: string; traceIds: string[] }) {
  const { projectId, queueId } = options;
  const queue = await requireQueue({ projectId, queueId });
  if (queue.kind !== "items") throw new AppError("INVALID", "This queue compares pairs; add pairs, not items");
  const traces = await db.trace.findMany({ where: { projectId, id: { in: options.traceIds } }, select: { id: true, input: true, output: true, promptName: true, promptVersion: true, startTime: true, endTime: true } });
  const byId = new Map(traces.map((t) => [t.id, t]));
  const missing = options.traceIds.findIndex((id) => !byId.has(id));
  if (missing >= 0) throw new AppError("INVALID", `body.traceIds.${missing}: trace ${options.traceIds[missing]} not found`);
  const outputs = new Map<string, unknown>();
  for (const t of traces) outputs.set(t.id, await outputOf(projectId, t));
  return addPairs({
    projectId, queueId, source: "traces",
    pairs: options.traceIds.map((id) => {
      const t = byId.get(id)!;
      const prompt = t.input == null ? "(no input)" : typeof t.input === "string" ? t.input || "(empty)" : (t.input as never);
      return { prompt, responseA: asText(outputs.get(id)) || "(no output)", responseB: "—", traceIds: [t.id], promptVersions: t.promptName ? [`${t.promptName}@${t.promptVersion ?? "?"}`] : [] };
    }),
  });
}
