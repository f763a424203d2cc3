import { db } from "../db";
import { AppError } from "../errors";
import { type DatasetFileFormat, MAX_REPORTED_LINE_ERRORS as SHOWN_ERRORS } from "../schemas/datasets";
import { parseDatasetFile } from "./dataset-file";
import { requireDataset } from "./dataset-rows";
import { insertNewItems } from "./insert-new-items";

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ITEMS = 50_000;

/**
 * Imports a JSONL/CSV file as new items (version 1, source "import"). All or nothing: any
 * bad line answers 400 with every bad line and imports nothing, unless skipInvalid, which
 * imports the valid lines in one transaction and reports the skipped ones.
 */
export async function importDatasetItems(options: { projectId: string; datasetId: string; userId: string; text: string; format: DatasetFileFormat; skipInvalid: boolean }) {
  const { projectId, datasetId, format } = options;
  await requireDataset({ projectId, datasetId });
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
      insertNewItems({
        tx, projectId, datasetId, userId: options.userId,
        items: items.map((i) => ({ input: i.input, expectedOutput: i.expectedOutput, metadata: i.metadata, contexts: i.contexts, source: "import" as const })),
      }),
    { timeout: 60_000 },
  );
  return { imported: itemIds.length, skipped: errors.slice(0, SHOWN_ERRORS), skippedCount: errors.length };
}
