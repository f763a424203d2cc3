import { describe, expect, it } from "vitest";
import { previewText } from "./preview";

describe("previewText", () => {
  it("takes the last user turn of a chat transcript and an assistant message's content", () => {
    const chat = [{ role: "system", content: "Be nice" }, { role: "user", content: "first" }, { role: "assistant", content: "ok" }, { role: "user", content: "환불은  며칠?\n" }];
    expect(previewText(chat)).toBe("환불은 며칠?");
    expect(previewText({ role: "assistant", content: [{ type: "text", text: "Five days" }] })).toBe("Five days");
  });

  it("keeps strings, falls back to compact JSON, and truncates", () => {
    expect(previewText("<script>alert(1)</script>")).toBe("<script>alert(1)</script>");
    expect(previewText({ a: 1 })).toBe('{"a":1}');
    expect(previewText({ answer: "I'm not sure", sources: [1] })).toBe("I'm not sure");
    expect(previewText({ reply: "단일 필드" })).toBe("단일 필드");
    expect(previewText(null)).toBeNull();
    expect(previewText("x".repeat(50), 10)).toBe(`${"x".repeat(9)}…`);
  });
});
