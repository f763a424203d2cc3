import { describe, expect, it } from "vitest";
import { formatDatasetFile, parseCell, parseDatasetFile, toCell } from "./dataset-file";

const items = [
  { input: "plain text, with comma", expectedOutput: "answer", metadata: null },
  { input: { messages: [{ role: "user", content: "환불은 어떻게 하나요?\n둘째 줄" }] }, expectedOutput: { role: "assistant", content: "5일" }, metadata: { tag: "ko" } },
  { input: "42", expectedOutput: 42, metadata: { n: 1 } },
  { input: "[not json", expectedOutput: "", metadata: null },
  { input: ' "quoted" ', expectedOutput: true, metadata: null },
  { input: "  ", expectedOutput: null, metadata: null },
  // Formula look-alikes survive the CSV escape and come back as they were.
  { input: "=HYPERLINK(\"https://evil.example\",\"click\")", expectedOutput: -5, metadata: null },
  { input: "+1 555 0100", expectedOutput: "@mention", metadata: null },
  { input: "'=already quoted", expectedOutput: "-dash", metadata: null },
];

describe("dataset files", () => {
  it.each(["jsonl", "csv"] as const)("%s export parses back to the same items", (format) => {
    const { items: parsed, errors } = parseDatasetFile(formatDatasetFile(items, format), format);
    expect(errors).toEqual([]);
    expect(parsed.map(({ input, expectedOutput, metadata }) => ({ input, expectedOutput, metadata }))).toEqual(
      items.map((i) => ({ ...i, expectedOutput: i.expectedOutput === null ? null : i.expectedOutput })),
    );
  });

  it("escapes cells a spreadsheet would run as formulae in CSV exports", () => {
    const csv = formatDatasetFile([{ input: "=1+1", expectedOutput: "+cmd", metadata: { a: "@x" } }, { input: "-2", expectedOutput: "@SUM(A1)", metadata: null }], "csv");
    const rows = csv.trim().split("\n").slice(1);
    for (const cell of rows.flatMap((r) => r.split(","))) expect(cell, cell).not.toMatch(/^"?[=+\-@\t\r]/);
    expect(rows[0]!.startsWith("\"'=1+1\",\"'+cmd\"")).toBe(true);
  });

  it("reports JSONL errors with 1-based file lines, skipping blank lines", () => {
    const text = ['{"input":"a"}', "", "{bad", '{"expected_output":"x"}', '{"input":"b","metadata":[1]}', '[1]', '{"input":"c","extra":1}'].join("\n");
    const { items: ok, errors } = parseDatasetFile(text, "jsonl");
    expect(ok.map((i) => i.line)).toEqual([1]);
    expect(errors.map((e) => e.line)).toEqual([3, 4, 5, 6, 7]);
    expect(errors[1]!.message).toBe("input: required");
    expect(errors[2]!.message).toContain("metadata: must be a JSON object");
    expect(errors[4]!.message).toContain('Unrecognized key: "extra"');
  });

  it("counts the CSV header as line 1 and quoted newlines as lines", () => {
    const text = 'input,expected_output,metadata\n"multi\nline",x,\n,y,\nz,,"{""a"":1}"\nw,,{oops\n';
    const { items: ok, errors } = parseDatasetFile(text, "csv");
    expect(ok.map((i) => [i.line, i.input, i.metadata])).toEqual([[2, "multi\nline", null], [5, "z", { a: 1 }]]);
    expect(errors).toEqual([{ line: 4, message: "input: required" }, { line: 6, message: "metadata: must be a JSON object" }]);
  });

  it("rejects a CSV without an input column", () => {
    expect(parseDatasetFile("question,answer\na,b\n", "csv").errors[0]).toMatchObject({ line: 1 });
  });

  it("reads JSON-looking cells as JSON and the rest as text", () => {
    expect(parseCell('{"a":1}')).toEqual({ a: 1 });
    expect(parseCell("12")).toBe(12);
    expect(parseCell("12 apples")).toBe("12 apples");
    expect(toCell("12")).toBe('"12"');
    expect(toCell("hello")).toBe("hello");
  });
});
