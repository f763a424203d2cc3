import { describe, expect, it } from "vitest";
import { assertJsonDepth } from "./json-depth";
import { illFormedPath, toWellFormedDeep } from "./well-formed";

describe("illFormedPath", () => {
  it("names the first NUL or unpaired surrogate in a value or a key, and accepts paired ones", () => {
    expect(illFormedPath({ a: ["ok", "x\u0000"] }, "body")).toBe("body.a.1");
    expect(illFormedPath({ "k\uD800": 1 }, "body")).toBe('body."k\\ud800"'); // JSON.stringify escapes it: the message stays printable
    expect(illFormedPath({ a: "\uDC00" }, "query")).toBe("query.a");
    expect(illFormedPath({ a: "😀 한국어 مرحبا" }, "body")).toBeUndefined();
  });
});

describe("toWellFormedDeep", () => {
  it("replaces with U+FFFD in strings and keys, and shares what it did not change", () => {
    const clean = { deep: { list: [1, "two"] } };
    const input = { clean, bad: "a\u0000b\uD800", ["k\uDFFF"]: [null, "\uD83D\uDE00"] };
    const out = toWellFormedDeep(input);
    expect(out).toEqual({ clean, bad: "a\uFFFDb\uFFFD", "k\uFFFD": [null, "\uD83D\uDE00"] });
    expect(out.clean).toBe(clean);
    expect(toWellFormedDeep(clean)).toBe(clean);
  });
});

describe("assertJsonDepth", () => {
  it("accepts 128 levels and refuses 129, without recursion on 100,000", () => {
    const nest = (n: number) => JSON.parse("[".repeat(n) + "]".repeat(n));
    expect(() => assertJsonDepth(nest(128))).not.toThrow();
    expect(() => assertJsonDepth(nest(129))).toThrow(/nested deeper than 128/);
    expect(() => assertJsonDepth(nest(100_000))).toThrow(/nested deeper than 128/);
  });
});
