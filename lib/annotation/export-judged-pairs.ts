import { db } from "../db";
import { AppError } from "../errors";
import type { Choice, ExportOptions } from "../schemas/annotation";
import { exportRows } from "./export-format";
import { finalLabel } from "./final-label";
import { requireQueue } from "./queue-rows";

/**
 * The queue's decided pairs as TRL JSONL (DPO or KTO), streamed a page of pairs at a time so a
 * queue of any size exports without being held in memory. Chosen and rejected come from each
 * pair's final label (adjudicated, else majority), never from which side anyone saw.
 * Filters: the pair's creation date (from ≤ createdAt < to) and the minimum agreement.
 */
export async function exportJudgedPairs(options: { projectId: string; queueId: string; options: ExportOptions; pageSize?: number }) {
  const { projectId, queueId } = options;
  const queue = await requireQueue({ projectId, queueId });
  if (queue.kind === "items") throw new AppError("INVALID", "This queue rates single items; its ratings are scores on the traces, not a preference dataset");
  const o = options.options;
  const pageSize = options.pageSize ?? 500;
  let after: bigint | null = null;
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const page = await db.preferencePair.findMany({
        where: {
          projectId, queueId,
          ...(after !== null ? { position: { gt: after } } : {}),
          ...(o.from || o.to ? { createdAt: { ...(o.from ? { gte: o.from } : {}), ...(o.to ? { lt: o.to } : {}) } } : {}),
        },
        orderBy: { position: "asc" },
        take: pageSize,
        select: { id: true, position: true, prompt: true, responseA: true, responseB: true, adjudicatedChoice: true, judgments: { select: { choice: true } } },
      });
      const lines: string[] = [];
      for (const p of page) {
        const label = finalLabel({ adjudicated: p.adjudicatedChoice, choices: p.judgments.map((j) => j.choice), k: queue.judgmentsPerPair });
        if (!label.choice) continue;
        if (o.minAgreement !== undefined && label.by === "majority" && (label.agreement ?? 0) < o.minAgreement) continue;
        for (const row of exportRows({ id: p.id, prompt: p.prompt, responseA: p.responseA, responseB: p.responseB, label: label.choice as Choice }, o)) lines.push(`${JSON.stringify(row)}\n`);
      }
      if (lines.length) controller.enqueue(encoder.encode(lines.join("")));
      if (page.length < pageSize) controller.close();
      else after = page[page.length - 1]!.position;
    },
  });
  const slug = queue.name.normalize("NFC").replace(/[^\p{L}\p{N}_-]+/gu, "-").replace(/^-+|-+$/g, "") || "queue";
  return { body, filename: `${slug}-${o.format}-${o.style}.jsonl`, contentType: "application/x-ndjson; charset=utf-8" };
}
