import { describe, expect, it } from "vitest";
import { buildVariables, erroredVariable, variableInputs } from "./try-it-model";

describe("try it: variables from the form", () => {
  const chat = [{ role: "system", content: "For {{company}}" }, { type: "placeholder" as const, name: "history" }, { role: "user", content: "{{question}}" }];

  it("makes a message-list input for each placeholder and text for the rest", () => {
    expect(variableInputs(chat, ["company", "history", "question"])).toEqual([
      { name: "company", kind: "text" }, { name: "history", kind: "messages" }, { name: "question", kind: "text" },
    ]);
    expect(variableInputs("Hi {{name}}", ["name"])).toEqual([{ name: "name", kind: "text" }]);
  });

  it("asks for a section as a whole and lists its item fields instead of asking for them", () => {
    const t = "Use:\n{{#articles}}- {{title}}: {{summary}}\n{{/articles}}{{^vip}}Be brief.{{/vip}} Hi {{user.name}}, {{title}}";
    expect(variableInputs(t, ["articles", "title", "summary", "vip", "user"])).toEqual([
      { name: "articles", kind: "section", fields: ["title", "summary"] },
      { name: "title", kind: "text" }, // also printed at the top level, so it is asked for
      { name: "summary", kind: "field" },
      { name: "vip", kind: "section", fields: [] },
      { name: "user", kind: "text" },
    ]);
    const inputs = variableInputs(t, ["articles", "title", "summary", "vip", "user"]);
    expect(buildVariables(inputs, { articles: '[{"title":"Refunds","summary":"3 days"}]', summary: "ignored" })).toEqual({ variables: { articles: [{ title: "Refunds", summary: "3 days" }] } });
  });

  it("leaves empty fields out, parses lists, and names the variable that is wrong", () => {
    const inputs = variableInputs(chat, ["company", "history", "question"]);
    expect(buildVariables(inputs, { company: "Acme", history: "", question: "" })).toEqual({ variables: { company: "Acme" } });
    expect(buildVariables(inputs, { history: '[{"role":"user","content":"hi"}]' })).toEqual({ variables: { history: [{ role: "user", content: "hi" }] } });
    expect(buildVariables(inputs, { history: "hello" })).toMatchObject({ error: { name: "history" } });
    expect(buildVariables(inputs, { history: '[{"role":"user"}]' })).toMatchObject({ error: { name: "history", message: expect.stringContaining("history[0]") } });
    expect(buildVariables([{ name: "articles", kind: "text" }], { articles: '[{"title":"Refunds"}]' })).toEqual({ variables: { articles: [{ title: "Refunds" }] } });
  });

  it("finds the variable a server error names", () => {
    const inputs = variableInputs(chat, ["company", "history", "question"]);
    expect(erroredVariable("variables.question: is required", inputs)).toBe("question");
    expect(erroredVariable("Missing variable company", inputs)).toBe("company");
    expect(erroredVariable("something else", inputs)).toBeNull();
  });
});
