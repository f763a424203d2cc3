// JSONL and CSV files of golden-set items: parsing with per-line errors, and the inverse
// export. Pure (no database) so the round trip can be unit-tested.
import Papa from "papaparse";
import { type DatasetFileFormat, importLineSchema } from "../schemas/datasets";
import { describeLineIssues, forEachJsonlObject } from "../jsonl/jsonl-lines";

export type ParsedLine = { line: number; input: unknown; expectedOutput: unknown; metadata: Record<string, unknown> | null; contexts: unknown };
export type LineError = { line: number; message: string };
export type ExportItem = { input: unknown; expectedOutput: unknown; metadata: unknown; contexts?: unknown };

export const CSV_COLUMNS = ["input", "expected_output", "metadata", "contexts"] as const;

function validateLine(line: number, value: unknown): ParsedLine | LineError {
  const parsed = importLineSchema.safeParse(value);
  if (!parsed.success) return { line, message: describeLineIssues(parsed.error) };
  return { line, input: parsed.data.input, expectedOutput: parsed.data.expected_output ?? null, metadata: parsed.data.metadata ?? null, contexts: parsed.data.contexts ?? null };
}

function parseJsonl(text: string): Array<ParsedLine | LineError> {
  const out: Array<ParsedLine | LineError> = [];
  forEachJsonlObject(text, {
    expected: "input, expected_output, metadata and contexts",
    object: (line, value) => out.push(validateLine(line, value)),
    error: (line, message) => out.push({ line, message }),
  });
  return out;
}

const JSON_LOOKING = /^(?:[[{"]|-?\d|true$|false$|null$)/;

/**
 * CSV injection: a cell starting with = + - @ tab or CR runs as a formula when the export is
 * opened in a spreadsheet. Export prefixes such cells with `'` (papaparse's escapeFormulae,
 * which spreadsheets show as text), and also cells that already start with `'` and a trigger,
 * so import can drop exactly one `'` and every value reads back as it was.
 */
const FORMULA_ESCAPE = /^'?[=+\-@\t\r]/;
const unescapeFormula = (cell: string) => (cell.startsWith("'") && FORMULA_ESCAPE.test(cell.slice(1)) ? cell.slice(1) : cell);

/** A CSV cell: JSON when it looks like JSON and parses as JSON, else the text itself. */
export function parseCell(cell: string): unknown {
  const trimmed = cell.trim();
  if (JSON_LOOKING.test(trimmed)) {
    try {
      return JSON.parse(trimmed);
    } catch {
      return cell;
    }
  }
  return cell;
}

/** The inverse of parseCell: text that would read back as something else is JSON-encoded. */
export function toCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim() !== "" && parseCell(value) === value ? value : JSON.stringify(value);
  return JSON.stringify(value);
}

function parseCsv(text: string): Array<ParsedLine | LineError> {
  const out: Array<ParsedLine | LineError> = [];
  // Rows may span lines (quoted newlines): count newlines up to where each row starts.
  let scanned = 0;
  let lineNo = 1;
  const lineAt = (offset: number) => {
    for (; scanned < offset; scanned++) if (text.charCodeAt(scanned) === 10) lineNo++;
    return lineNo;
  };
  let header: string[] | null = null;
  let start = 0;
  Papa.parse<string[]>(text, {
    step: (row) => {
      const line = lineAt(start);
      start = row.meta.cursor;
      const cells = row.data.map((c, i) => (i === row.data.length - 1 ? c.replace(/\r$/, "") : c));
      if (cells.length === 1 && cells[0]!.trim() === "") return;
      if (!header) {
        header = cells.map((c) => c.trim().replace(/^\uFEFF/, ""));
        const unknown = header.filter((h) => !(CSV_COLUMNS as readonly string[]).includes(h));
        if (!header.includes("input")) out.push({ line, message: `header must name an "input" column (columns: ${CSV_COLUMNS.join(", ")})` });
        else if (unknown.length) out.push({ line, message: `unknown column ${unknown.map((u) => `"${u}"`).join(", ")} (columns: ${CSV_COLUMNS.join(", ")})` });
        return;
      }
      if (row.errors.length) {
        out.push({ line, message: `CSV: ${row.errors[0]!.message}` });
        return;
      }
      if (cells.length !== header.length) {
        out.push({ line, message: `has ${cells.length} cells, the header has ${header.length}` });
        return;
      }
      const record: Record<string, unknown> = {};
      header.forEach((column, i) => {
        const cell = cells[i]!;
        if (cell.trim() !== "") record[column] = parseCell(unescapeFormula(cell));
      });
      out.push(validateLine(line, record));
    },
  });
  if (!header) out.push({ line: 1, message: `empty file: expected a header row (${CSV_COLUMNS.join(", ")})` });
  return out;
}

/** Every non-blank line of the file, each either a valid item or an error with its 1-based line. */
export function parseDatasetFile(text: string, format: DatasetFileFormat): { items: ParsedLine[]; errors: LineError[] } {
  const rows = format === "jsonl" ? parseJsonl(text) : parseCsv(text);
  const items: ParsedLine[] = [];
  const errors: LineError[] = [];
  for (const r of rows) ("message" in r ? errors : items).push(r as never);
  return { items, errors };
}

/** JSONL or CSV of the items; parseDatasetFile(formatDatasetFile(x)) gives x back. */
export function formatDatasetFile(items: ExportItem[], format: DatasetFileFormat): string {
  return formatDatasetChunk(items, format, true);
}

/** One piece of a streamed file: `first` carries the CSV header; pieces concatenate to formatDatasetFile. */
export function formatDatasetChunk(items: ExportItem[], format: DatasetFileFormat, first: boolean): string {
  if (format === "jsonl") {
    return items
      .map((i) => JSON.stringify({ input: i.input, ...(i.expectedOutput == null ? {} : { expected_output: i.expectedOutput }), ...(i.metadata == null ? {} : { metadata: i.metadata }), ...(i.contexts == null ? {} : { contexts: i.contexts }) }))
      .map((l) => `${l}\n`)
      .join("");
  }
  if (!first && !items.length) return "";
  const csv = Papa.unparse({ fields: [...CSV_COLUMNS], data: items.map((i) => [toCell(i.input), toCell(i.expectedOutput), toCell(i.metadata), toCell(i.contexts)]) }, { newline: "\n", quotes: false, header: first, escapeFormulae: FORMULA_ESCAPE });
  return `${csv}\n`;
}
