import { AppError } from "../errors";
import { MAX_REPORTED_LINE_ERRORS } from "../schemas/datasets";
import { addPairs } from "./add-pairs";
import { parsePairFile } from "./pair-file";

export const MAX_PAIR_IMPORT_BYTES = 20 * 1024 * 1024;
export const MAX_PAIR_IMPORT_LINES = 50_000;

/**
 * A JSONL file of pairs into the queue, as the golden-set import does it: any bad line answers
 * 400 listing the bad lines by number and imports nothing.
 */
export async function importPairs(options: { projectId: string; queueId: string; text: string }) {
  const { pairs, errors } = parsePairFile(options.text);
  if (pairs.length > MAX_PAIR_IMPORT_LINES) throw new AppError("PAYLOAD_TOO_LARGE", `Import file has ${pairs.length} pairs; at most ${MAX_PAIR_IMPORT_LINES} per file`);
  if (errors.length) {
    const first = errors[0]!;
    throw new AppError(
      "INVALID",
      `${errors.length} ${errors.length === 1 ? "line is" : "lines are"} invalid (first: line ${first.line}: ${first.message}); nothing was imported.`,
      errors.slice(0, MAX_REPORTED_LINE_ERRORS),
    );
  }
  if (!pairs.length) throw new AppError("INVALID", "The file has no pairs");
  const { pairIds } = await addPairs({ projectId: options.projectId, queueId: options.queueId, pairs: pairs.map(({ line: _line, ...p }) => p), source: "import" });
  return { imported: pairIds.length, pairIds };
}
