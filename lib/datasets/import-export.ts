import { db } from "../db";
import { AppError } from "../errors";
import { type DatasetFileFormat, MAX_REPORTED_LINE_ERRORS as SHOWN_ERRORS } from "../schemas/datasets";
import { formatDatasetChunk, parseDatasetFile } from "./dataset-file";
import { insertNewItems, listItems } from "./dataset-items";
import { requireDataset } from "./manage-datasets";

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ITEMS = 50_000;

/** Reads the raw body within the size limit (413 before and after reading). */
export async function readImportBody(req: Request): Promise<string> {
  const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", `Import file exceeds ${MAX_IMPORT_BYTES / 1024 / 1024} MiB; split it into smaller files`);
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_IMPORT_BYTES) throw tooLarge();
  const text = await req.text();
  if (Buffer.byteLength(text, "utf8") > MAX_IMPORT_BYTES) throw tooLarge();
  return text;
}

/**
 * Imports a JSONL/CSV file as new items (version 1, source "import"). All or nothing: any
 * bad line answers 400 with every bad line and imports nothing, unless skipInvalid, which
 * imports the valid lines in one transaction and reports the skipped ones.
 */
export async function importItems(options: { projectId: string; datasetId: string; userId: string; text: string; format: DatasetFileFormat; skipInvalid: boolean }) {
  const { projectId, datasetId, format } = options;
  await requireDataset(projectId, datasetId);
  const { items, errors } = parseDatasetFile(options.text, format);
  if (items.length > MAX_IMPORT_ITEMS) throw new AppError("PAYLOAD_TOO_LARGE", `Import file has ${items.length} items; at most ${MAX_IMPORT_ITEMS} per file`);
  if (errors.length && !options.skipInvalid) {
    const first = errors[0]!;
    throw new AppError(
      "INVALID",
      `${errors.length} ${errors.length === 1 ? "line is" : "lines are"} invalid (first: line ${first.line}: ${first.message}); nothing was imported. Fix them, or import with skipInvalid=true to skip them.`,
      errors.slice(0, SHOWN_ERRORS),
    );
  }
  if (!items.length) throw new AppError("INVALID", errors.length ? "No valid lines to import" : "The file has no items");
  const itemIds = await db.$transaction(
    (tx) =>
      insertNewItems(tx, {
        projectId, datasetId, userId: options.userId,
        items: items.map((i) => ({ input: i.input, expectedOutput: i.expectedOutput, metadata: i.metadata, source: "import" as const })),
      }),
    { timeout: 60_000 },
  );
  return { imported: itemIds.length, skipped: errors.slice(0, SHOWN_ERRORS), skippedCount: errors.length };
}

/**
 * The dataset (current, or as of `at`) as a downloadable file, streamed a page of items at a
 * time so a set of any size exports without being held in memory. Without `at` the export is
 * pinned to the instant it started: edits made while it streams do not mix into it.
 */
export async function exportItems(options: { projectId: string; datasetId: string; format: DatasetFileFormat; at?: Date; pageSize?: number }) {
  const dataset = await requireDataset(options.projectId, options.datasetId);
  const at = options.at ?? new Date();
  const { projectId, datasetId, format } = options;
  let cursor: string | undefined;
  let first = true;
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const page = await listItems({ projectId, datasetId, at, cursor, limit: options.pageSize ?? 1_000, withTotal: false });
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
