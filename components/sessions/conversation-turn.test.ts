import { describe, expect, it } from "vitest";
import { turnMessages } from "./conversation-turn";

describe("turnMessages", () => {
  it("keeps only this turn's messages from a chat history", () => {
    const t = turnMessages(
      [{ role: "system", content: "s" }, { role: "user", content: "q1" }, { role: "assistant", content: "a1" }, { role: "user", content: "q2" }],
      { role: "assistant", content: "a2" },
    );
    expect(t.input.map((m) => m.parts)).toEqual([[{ type: "text", text: "q2" }]]);
    expect(t.output[0]!.role).toBe("assistant");
  });

  it("shows plain and one-field inputs as text, anything else as JSON", () => {
    expect(turnMessages({ question: "Why?" }, "Because.")).toEqual({
      input: [{ role: "user", name: "question", parts: [{ type: "text", text: "Why?" }], toolCalls: [], toolCallId: null }],
      output: [{ role: "assistant", name: null, parts: [{ type: "text", text: "Because." }], toolCalls: [], toolCallId: null }],
    });
    expect(turnMessages({ a: 1, b: 2 }, null).input[0]!.parts[0]).toEqual({ type: "json", value: { a: 1, b: 2 } });
    expect(turnMessages(null, null)).toEqual({ input: [], output: [] });
  });
});
