import { describe, expect, it } from "vitest";
import { normalizeMessage, normalizeMessages, unflatten } from "./map-messages";

describe("unflatten", () => {
  it("rebuilds nested arrays and objects from indexed suffixes", () => {
    expect(
      unflatten([
        ["1.message.role", "user"],
        ["0.message.tool_calls.1.tool_call.id", "b"],
        ["0.message.tool_calls.0.tool_call.id", "a"],
        ["0.message.role", "assistant"],
      ]),
    ).toEqual([
      { message: { role: "assistant", tool_calls: [{ tool_call: { id: "a" } }, { tool_call: { id: "b" } }] } },
      { message: { role: "user" } },
    ]);
  });

  it("ignores non-indexed top-level keys and __proto__ segments, compacts gaps", () => {
    const items = unflatten([
      ["foo", 1],
      ["0.__proto__.polluted", true],
      ["5.content", "late"],
      ["2.content", "early"],
    ]);
    expect(items).toEqual([{ content: "early" }, { content: "late" }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("normalizeMessage", () => {
  it("keeps OpenAI-style tool calls and maps tool_call_id", () => {
    const call = { id: "c", type: "function", function: { name: "f", arguments: "{}" } };
    expect(normalizeMessage({ role: "assistant", content: null, tool_calls: [call] })).toEqual({ role: "assistant", content: null, toolCalls: [call] });
    expect(normalizeMessage({ role: "tool", content: "42", tool_call_id: "c", name: "f" })).toEqual({ role: "tool", content: "42", toolCallId: "c", name: "f" });
  });

  it("keeps non-text GenAI parts as a content array", () => {
    const parts = [{ type: "text", content: "look" }, { type: "uri", modality: "image", uri: "https://x/y.png" }];
    expect(normalizeMessage({ role: "user", parts })).toEqual({ role: "user", content: parts });
  });

  it("treats bare strings as content and rejects non-message lists", () => {
    expect(normalizeMessage("hi", "assistant")).toEqual({ role: "assistant", content: "hi" });
    expect(normalizeMessages('{"not":"a list"}')).toBeNull();
    expect(normalizeMessages("plain prose")).toBeNull();
  });
});
