import { describe, expect, it } from "vitest";
import { promptPreview } from "./prompt-preview";

describe("prompt preview", () => {
  it("shows the last message, the text, or a question-like field", () => {
    expect(promptPreview([{ role: "system", content: "s" }, { role: "user", content: "hi?" }])).toBe("hi?");
    expect(promptPreview("plain")).toBe("plain");
    expect(promptPreview({ company: "Acme", question: "Where is my parcel?" })).toBe("Where is my parcel?");
    expect(promptPreview({ a: 1 })).toBe('{"a":1}');
  });
});
