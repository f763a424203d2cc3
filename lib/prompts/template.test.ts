import { describe, expect, it } from "vitest";
import { canonicalJson, compileTemplate, contentHash, extractVariables } from "./template";

describe("prompt templates", () => {
  it("finds variables and section names in order of first use, by first dotted segment", () => {
    expect(extractVariables("text", "Hi {{name}}, {{{raw}}} {{#ctx}}Context: {{ctx}} {{user.city}}{{/ctx}}{{^ctx}}none{{/ctx}} {{name}}")).toEqual(["name", "raw", "ctx", "user"]);
    expect(extractVariables("chat", [{ role: "system", content: "You help {{company}}." }, { type: "placeholder", name: "history" }, { role: "user", content: "{{question}}" }])).toEqual(["company", "history", "question"]);
  });

  it("compiles without HTML escaping; unknown and missing variables name the field", () => {
    expect(compileTemplate("text", "Q: {{q}} {{#note}}({{note}}){{/note}}", { q: "<b>&</b>" })).toBe("Q: <b>&</b> ");
    expect(() => compileTemplate("text", "{{q}}", { q: "x", qq: "y" })).toThrow(/variables\.qq: not a variable/);
    expect(() => compileTemplate("text", "{{q}} {{#s}}{{inner}}{{/s}}", {})).toThrow(/variables\.q: required/);
    const chat = compileTemplate("chat", [{ role: "system", content: "Be {{tone}}" }, { type: "placeholder", name: "history" }], { tone: "kind", history: [{ role: "user", content: "hi" }] });
    expect(chat).toEqual([{ role: "system", content: "Be kind" }, { role: "user", content: "hi" }]);
    expect(() => compileTemplate("chat", [{ type: "placeholder", name: "history" }], { history: "nope" })).toThrow(/variables\.history/);
  });

  it("refuses bad syntax and partials, naming the field", () => {
    expect(() => extractVariables("text", "{{#open}} never closed")).toThrow(/^template: /);
    expect(() => extractVariables("chat", [{ role: "user", content: "ok" }, { role: "user", content: "{{> part}}" }])).toThrow(/template\.1\.content: partials/);
  });

  it("hashes canonical JSON: key order does not matter, content does", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 0 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"x":0,"y":1}]},"b":1}');
    const a = contentHash({ type: "text", template: "x", config: { temperature: 0.2, model: "m" } });
    expect(contentHash({ type: "text", template: "x", config: { model: "m", temperature: 0.2 } })).toBe(a);
    expect(contentHash({ type: "text", template: "x ", config: { model: "m", temperature: 0.2 } })).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });
});
