import { describe, expect, it } from "vitest";
import { previewText } from "./trace-preview";

describe("previewText", () => {
  it("shows the last user message of a chat", () => {
    expect(previewText([{ role: "system", content: "be nice" }, { role: "user", content: "환불은 보통 며칠 걸리나요?" }], null)).toBe("환불은 보통 며칠 걸리나요?");
  });
  it("shows a known text field of an object, or the assistant's content", () => {
    expect(previewText({ question: "How do refunds work?" }, null)).toBe("How do refunds work?");
    expect(previewText({ role: "assistant", content: "Five days." }, null)).toBe("Five days.");
  });
  it("falls back to JSON, squashes whitespace and caps the length", () => {
    expect(previewText({ a: 1 }, null)).toBe('{"a":1}');
    expect(previewText("a\n\n  b", null)).toBe("a b");
    expect(previewText("x".repeat(500), null)!.length).toBe(240);
  });
  it("uses the head of a large value's JSON text", () => {
    expect(previewText(null, '{"question": "long…')).toBe('{"question": "long…');
    expect(previewText(null, null)).toBeNull();
  });
});
