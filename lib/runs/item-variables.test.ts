import { describe, expect, it } from "vitest";
import { itemVariables } from "./item-variables";

describe("itemVariables", () => {
  it("maps an object input by key and drops keys the template does not use", () => {
    expect(itemVariables({ question: "q", extra: 1 }, ["question"])).toEqual({ ok: true, variables: { question: "q" } });
  });
  it("puts a string input in the only variable, else in `input`", () => {
    expect(itemVariables("hello", ["question"])).toEqual({ ok: true, variables: { question: "hello" } });
    expect(itemVariables("hello", ["input", "tone"])).toEqual({ ok: true, variables: { input: "hello" } });
  });
  it("refuses a string input when several variables exist and none is `input`", () => {
    const r = itemVariables("hello", ["a", "b"]);
    expect(r.ok).toBe(false);
  });
  it("passes a whole object to the single variable when no key matches", () => {
    expect(itemVariables({ q: 1 }, ["payload"])).toEqual({ ok: true, variables: { payload: { q: 1 } } });
  });
});
