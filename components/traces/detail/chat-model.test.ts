import { describe, expect, it } from "vitest";
import { singleText, splitRedactions, toChatMessages } from "./chat-model";

describe("toChatMessages", () => {
  it("reads OpenAI-style arrays with tool calls and tool results", () => {
    const msgs = toChatMessages([
      { role: "system", content: "Be brief." },
      { role: "user", content: [{ type: "text", text: "Weather?" }, { type: "image_url", image_url: { url: "https://x/y.png" } }] },
      { role: "assistant", content: null, tool_calls: [{ id: "c1", type: "function", function: { name: "get_weather", arguments: '{"city":"Seoul"}' } }] },
      { role: "tool", tool_call_id: "c1", content: '{"temp":3}' },
    ])!;
    expect(msgs.map((m) => m.role)).toEqual(["system", "user", "assistant", "tool"]);
    expect(msgs[1]!.parts).toEqual([{ type: "text", text: "Weather?" }, { type: "image", url: "https://x/y.png" }]);
    expect(msgs[2]!.toolCalls).toEqual([{ id: "c1", name: "get_weather", arguments: { city: "Seoul" } }]);
    expect(msgs[3]).toMatchObject({ toolCallId: "c1", parts: [{ type: "json", value: { temp: 3 } }] });
  });

  it("reads the normalized ingest shape (toolCalls, toolCallId) and GenAI parts", () => {
    const msgs = toChatMessages([
      { role: "assistant", content: null, toolCalls: [{ id: "c2", type: "function", function: { name: "lookup", arguments: { q: 1 } } }] },
      { role: "user", parts: [{ type: "text", content: "hi" }, { type: "tool_call", id: "c3", name: "f", arguments: { a: 1 } }] },
    ])!;
    expect(msgs[0]!.toolCalls[0]).toEqual({ id: "c2", name: "lookup", arguments: { q: 1 } });
    expect(msgs[1]!.parts).toEqual([{ type: "text", text: "hi" }]);
    expect(msgs[1]!.toolCalls[0]!.name).toBe("f");
  });

  it("accepts a single message, a messages body and an OpenAI response, but not arbitrary JSON", () => {
    expect(toChatMessages({ role: "assistant", content: "ok" })![0]!.parts).toEqual([{ type: "text", text: "ok" }]);
    expect(toChatMessages({ model: "m", messages: [{ role: "user", content: "q" }] })![0]!.role).toBe("user");
    expect(toChatMessages({ choices: [{ message: { role: "assistant", content: "a" } }] })![0]!.role).toBe("assistant");
    expect(toChatMessages({ question: "q" })).toBeNull();
    expect(toChatMessages([{ id: "kb-1", score: 0.8 }])).toBeNull();
    expect(toChatMessages("plain text")).toBeNull();
  });
});

describe("text helpers", () => {
  it("splits PII redaction markers out of text", () => {
    expect(splitRedactions("mail [REDACTED:EMAIL] now")).toEqual([
      { text: "mail ", redacted: null }, { text: "[REDACTED:EMAIL]", redacted: "EMAIL" }, { text: " now", redacted: null },
    ]);
    expect(splitRedactions("")).toEqual([{ text: "", redacted: null }]);
  });

  it("unwraps one-string objects for the conversation view", () => {
    expect(singleText({ question: "Why?" })).toEqual({ label: "question", text: "Why?" });
    expect(singleText({ a: "1", b: "2" })).toBeNull();
  });
});
