import { describe, expect, it } from "vitest";
import { configText, prepareSideBySide, templateText } from "./prepare-diff";

const text = (cell: { segments: { text: string }[] } | null) => (cell ? cell.segments.map((s) => s.text).join("") : null);

describe("side-by-side diff rows", () => {
  it("pairs a changed line with its replacement and highlights the changed words", () => {
    const d = prepareSideBySide("Hello {{name}}\nBe brief.\nBye", "Hello {{name}}\nBe very brief.\nBye");
    expect(d).toMatchObject({ added: 1, removed: 1, identical: false });
    expect(d.rows.map((r) => [r.left?.kind, text(r.left), r.right?.kind, text(r.right)])).toEqual([
      ["context", "Hello {{name}}", "context", "Hello {{name}}"],
      ["removed", "Be brief.", "added", "Be very brief."],
      ["context", "Bye", "context", "Bye"],
    ]);
    expect(d.rows[1]!.right!.segments.filter((s) => s.changed).map((s) => s.text.trim())).toEqual(["very"]);
    expect(d.rows[1]!.left!.segments.some((s) => s.changed)).toBe(false);
  });

  it("shows each side exactly as written (whitespace never moves from one side to the other)", () => {
    const before = "Answer the customer's question.";
    const after = "Answer the customer's question using the articles.";
    const [row] = prepareSideBySide(before, after).rows;
    expect(text(row!.left)).toBe(before);
    expect(text(row!.right)).toBe(after);
    expect(row!.right!.segments.filter((s) => s.changed).map((s) => s.text)).toEqual([" using the articles"]);
  });

  it("joins changes separated only by short common words, so a rewritten sentence reads as one change", () => {
    const [row] = prepareSideBySide("Answer the question using the articles below and cite the one you used.", "Reply in the language, in one paragraph, and link the article you used.").rows;
    expect(text(row!.left)).toBe("Answer the question using the articles below and cite the one you used.");
    expect(row!.right!.segments.filter((s) => s.changed).length).toBeLessThanOrEqual(2);
    expect(row!.right!.segments.at(-1)).toEqual({ text: " you used.", changed: false });
  });

  it("puts a gap opposite added or removed lines and numbers each side on its own", () => {
    const d = prepareSideBySide("a\nb", "a\nb\nc\nd");
    expect(d.rows.slice(2).map((r) => [r.left, r.right?.lineNo, text(r.right)])).toEqual([[null, 3, "c"], [null, 4, "d"]]);
    const gone = prepareSideBySide("a\nx\nb", "a\nb");
    expect(gone.rows[1]).toMatchObject({ left: { lineNo: 2, kind: "removed" }, right: null });
    expect(gone.rows[2]).toMatchObject({ left: { lineNo: 3 }, right: { lineNo: 2 } });
  });

  it("ignores a missing final newline, and says when nothing changed", () => {
    expect(prepareSideBySide("a\nb", "a\nb\n").identical).toBe(true);
    expect(prepareSideBySide("", "").rows).toHaveLength(1);
  });

  it("renders chat prompts as role-headed blocks and config with sorted keys", () => {
    expect(templateText([{ role: "system", content: "Be kind.\nBe brief." }, { type: "placeholder", name: "history" }, { role: "user", content: "{{q}}" }])).toBe(
      "[system]\nBe kind.\nBe brief.\n\n[placeholder: history]\n\n[user]\n{{q}}",
    );
    expect(configText({ temperature: 0.2, model: "m", extra: { b: 1, a: 2 } })).toBe('{\n  "extra": {\n    "a": 2,\n    "b": 1\n  },\n  "model": "m",\n  "temperature": 0.2\n}');
    const d = prepareSideBySide(configText({ model: "m", temperature: 0.7 }), configText({ temperature: 0.2, model: "m" }));
    expect(d).toMatchObject({ added: 1, removed: 1 });
  });
});
