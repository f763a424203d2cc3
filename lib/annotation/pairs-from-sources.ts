import type { Prisma } from "../generated/prisma/client";
import { db } from "../db";
import { AppError } from "../errors";
import { compareRuns } from "../runs/compare-runs";
import type { PairInput } from "../schemas/annotation";
import { addPairs } from "./add-pairs";
import { requireQueue } from "./queue-rows";

/** A response as text: text as is, JSON pretty-printed (outputs may be objects). */
function asText(value: unknown): string {
  if (typeof value === "string") return value;
  return JSON.stringify(value, null, 2) ?? "";
}

/** A stored input as a prompt: text, chat messages or an object stay as they are; anything else as text. */
function asPrompt(value: unknown): PairInput["prompt"] {
  if (typeof value === "string" && value.trim()) return value;
  if (Array.isArray(value) && value.length && value.every((m) => typeof m === "object" && m !== null && "role" in m)) return value as PairInput["prompt"];
  if (typeof value === "object" && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  return asText(value) || "(empty)";
}

/**
 * Pairs from a run comparison (the first run is the baseline = A, each later run = B): one per
 * golden-set item both answered, with the run ids, prompt versions and traces as provenance.
 */
export async function pairsFromRuns(options: { projectId: string; queueId: string; runIds: string[] }) {
  const { projectId, queueId } = options;
  await requireQueue({ projectId, queueId });
  const comparison = await compareRuns({ projectId, ids: options.runIds });
  const [baseline, ...later] = comparison.runs;
  const version = (run: (typeof comparison.runs)[number]) => (run.prompt ? `${run.prompt.name}@${run.prompt.version}` : run.model ? `model:${run.model}` : `run:${run.id}`);
  const pairs: PairInput[] = [];
  later.forEach((run, i) => {
    for (const row of comparison.rows) {
      const a = row.cells[0];
      const b = row.cells[i + 1];
      if (!a || !b || a.output == null || b.output == null) continue;
      const responseA = asText(a.output);
      const responseB = asText(b.output);
      if (!responseA || !responseB) continue;
      pairs.push({
        prompt: asPrompt(row.input), responseA, responseB,
        metadata: { itemId: row.itemId, change: row.change, datasetId: comparison.dataset.id },
        runIds: [baseline!.id, run.id], promptVersions: [version(baseline!), version(run)],
        traceIds: [a.traceId, b.traceId].filter((t): t is string => !!t),
      });
    }
  });
  if (!pairs.length) throw new AppError("INVALID", "body.runIds: the runs have no item that both answered");
  return addPairs({ projectId, queueId, pairs, source: "run" });
}

/**
 * One pair from two traces picked in the explorer: the first trace's output is A, the second's
 * B, the prompt the first trace's input. Traces with different inputs are refused: a preference
 * between answers to different questions means nothing.
 */
export async function pairFromTraces(options: { projectId: string; queueId: string; traceIds: [string, string] }) {
  const { projectId, queueId, traceIds } = options;
  if ((await requireQueue({ projectId, queueId })).kind === "items") throw new AppError("INVALID", "This queue rates single items; add the traces as items");
  const traces = await db.trace.findMany({ where: { projectId, id: { in: traceIds } }, select: { id: true, input: true, output: true, promptName: true, promptVersion: true, models: true } });
  const [a, b] = traceIds.map((id) => traces.find((t) => t.id === id));
  if (!a || !b) throw new AppError("NOT_FOUND", `Trace ${!a ? traceIds[0] : traceIds[1]} not found`);
  if (traceIds[0] === traceIds[1]) throw new AppError("INVALID", "body.traceIds: pick two different traces");
  if (JSON.stringify(a.input) !== JSON.stringify(b.input)) throw new AppError("INVALID", "body.traceIds: the two traces have different inputs; pick traces that answer the same input");
  if (a.output == null || b.output == null) throw new AppError("INVALID", "body.traceIds: both traces need an output");
  const version = (t: typeof a) => (t.promptName ? `${t.promptName}@${t.promptVersion ?? "?"}` : t.models[0] ? `model:${t.models[0]}` : "");
  return addPairs({
    projectId, queueId, source: "traces",
    pairs: [{
      prompt: asPrompt(a.input), responseA: asText(a.output), responseB: asText(b.output), traceIds: [a.id, b.id],
      promptVersions: [version(a), version(b)].filter(Boolean),
      metadata: { models: [a.models, b.models] } as Prisma.JsonObject,
    }],
  });
}
