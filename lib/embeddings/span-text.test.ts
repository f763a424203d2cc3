import { describe, expect, it } from "vitest";
import { spanText } from "./span-text";

describe("span text for embeddings", () => {
  it("takes the last user message of a chat input and the assistant reply of an output", () => {
    const input = [{ role: "system", content: "You are a support agent (prompt v2)." }, { role: "user", content: "환불 받을 수 있나요?" }];
    expect(spanText(input, "input")).toBe("환불 받을 수 있나요?");
    expect(spanText({ role: "assistant", content: "Yes, within 5 days." }, "output")).toBe("Yes, within 5 days.");
    expect(spanText({ messages: [{ role: "user", content: [{ type: "text", text: "Why was I  charged twice?" }] }] }, "input")).toBe("Why was I charged twice?");
  });

  it("uses strings as they are and joins string leaves of other JSON", () => {
    expect(spanText("plain question", "input")).toBe("plain question");
    expect(spanText({ question: "How do refunds work?", id: "q-1" }, "input")).toBe("How do refunds work?");
    expect(spanText(null, "output")).toBe("");
  });
});
