import type { DatasetFileFormat } from "../schemas/datasets";
import { formatDatasetChunk } from "./dataset-file";
import { requireDataset } from "./dataset-rows";
import { listDatasetItems } from "./list-dataset-items";

/**
 * The dataset (current, or as of `at`) as a downloadable file, streamed a page of items at a
 * time so a set of any size exports without being held in memory. Without `at` the export is
 * pinned to the instant it started: edits made while it streams do not mix into it.
 */
export async function exportDatasetItems(options: { projectId: string; datasetId: string; format: DatasetFileFormat; at?: Date; pageSize?: number }) {
  const dataset = await requireDataset({ projectId: options.projectId, datasetId: options.datasetId });
  const at = options.at ?? new Date();
  const { projectId, datasetId, format } = options;
  let cursor: string | undefined;
  let first = true;
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const page = await listDatasetItems({ projectId, datasetId, at, cursor, limit: options.pageSize ?? 1_000, withTotal: false });
      const chunk = formatDatasetChunk(page.items, format, first);
      first = false;
      if (chunk) controller.enqueue(encoder.encode(chunk));
      if (page.nextCursor) cursor = page.nextCursor;
      else controller.close();
    },
  });
  const stamp = at.toISOString().replace(/[:.]/g, "-");
  // Letters and digits of any script stay (the header carries the exact name; see attachment()).
  const slug = dataset.name.normalize("NFC").replace(/[^\p{L}\p{N}_-]+/gu, "-").replace(/^-+|-+$/g, "") || "dataset";
  return {
    body,
    filename: `${slug}-${stamp}.${format}`,
    contentType: format === "jsonl" ? "application/x-ndjson; charset=utf-8" : "text/csv; charset=utf-8",
  };
}
