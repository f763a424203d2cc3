import { describe, expect, it } from "vitest";
import { contains, containsParams, notContains } from "./contains";
import { exactMatch, exactMatchParams } from "./exact-match";
import { jsonSchema, jsonSchemaParams } from "./json-schema";
import { jsonValid, jsonValidParams } from "./json-valid";
import { length, lengthParams } from "./length";
import { numeric, numericParams, readNumber } from "./numeric";
import { regex, regexParams } from "./regex";

const item = (output: unknown, expectedOutput?: unknown) => ({ input: "q", output, expectedOutput });

describe("exact_match", () => {
  const p = (o: object = {}) => exactMatchParams.parse(o);
  it("compares trimmed text, case-sensitively by default, and JSON canonically", () => {
    expect(exactMatch(p(), item(" Paris \n", "Paris"))).toMatchObject({ status: "passed", score: 1 });
    expect(exactMatch(p(), item("paris", "Paris"))).toMatchObject({ status: "failed", score: 0 });
    expect(exactMatch(p({ caseSensitive: false }), item("paris", "Paris")).passed).toBe(true);
    expect(exactMatch(p(), item({ b: 2, a: 1 }, { a: 1, b: 2 })).passed).toBe(true);
    expect(exactMatch(p({ expected: "x" }), item("x")).passed).toBe(true);
  });
  it("cannot score without an expected output, and that is not a pass", () => {
    expect(exactMatch(p(), item("x"))).toMatchObject({ status: "error", passed: false, score: null });
  });
});

describe("contains / not_contains", () => {
  it("scores the share of values found, against a threshold", () => {
    const p = containsParams.parse({ values: ["refund", "3 days", "receipt"], threshold: 0.6 });
    const r = contains(p, item("Your REFUND arrives in 3 days."));
    expect(r).toMatchObject({ status: "passed", details: { missing: ["receipt"] } });
    expect(r.score).toBeCloseTo(2 / 3);
    expect(contains(containsParams.parse({ value: "환불" }), item("환불은 3일 이내")).passed).toBe(true);
    expect(contains(containsParams.parse({ value: "Refund", caseSensitive: true }), item("refund")).passed).toBe(false);
  });
  it("not_contains passes only when none is present", () => {
    const p = containsParams.parse({ values: ["as an AI", "I cannot"] });
    expect(notContains(p, item("Sure, here it is.")).passed).toBe(true);
    expect(notContains(p, item("As an AI model…"))).toMatchObject({ status: "failed", score: 0.5 });
  });
  it("needs a value", () => {
    expect(containsParams.safeParse({}).success).toBe(false);
  });
});

describe("regex", () => {
  it("matches, or with negate refuses a match", () => {
    const p = regexParams.parse({ pattern: "^\\d{3}-\\d{4}$" });
    expect(regex(p, item("555-1234"))).toMatchObject({ status: "passed", details: { match: "555-1234" } });
    expect(regex(p, item("call 555-1234")).passed).toBe(false);
    expect(regex(regexParams.parse({ pattern: "password", flags: "i", negate: true }), item("Your PASSWORD is…")).passed).toBe(false);
  });
  it("refuses patterns that do not compile or can backtrack catastrophically (the PII pattern check)", () => {
    const bad = regexParams.safeParse({ pattern: "(a+)+$" });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]).toMatchObject({ path: ["pattern"], message: expect.stringMatching(/backtrack exponentially/) });
    expect(regexParams.safeParse({ pattern: "(" }).error!.issues[0]!.message).toMatch(/^does not compile/);
    expect(regexParams.safeParse({ pattern: "a", flags: "g" }).success).toBe(false);
  });
});

describe("json_valid and json_schema", () => {
  it("accepts JSON strings and JSON values, refuses the rest", () => {
    const p = jsonValidParams.parse({});
    expect(jsonValid(p, item('{"a": [1, 2]}')).passed).toBe(true);
    expect(jsonValid(p, item({ a: 1 })).passed).toBe(true);
    expect(jsonValid(p, item("{a: 1}"))).toMatchObject({ status: "failed", reason: expect.stringMatching(/^output is not valid JSON/) });
  });
  it("validates against the schema with ajv and lists the errors", () => {
    const p = jsonSchemaParams.parse({ schema: { type: "object", required: ["answer", "confidence"], properties: { answer: { type: "string" }, confidence: { type: "number", minimum: 0, maximum: 1 } }, additionalProperties: false } });
    expect(jsonSchema(p, item('{"answer": "Paris", "confidence": 0.9}')).passed).toBe(true);
    const bad = jsonSchema(p, item('{"answer": 3, "confidence": 2}'));
    expect(bad.status).toBe("failed");
    expect(bad.details!.errors).toEqual(["/answer must be string", "/confidence must be <= 1"]);
    expect(jsonSchema(p, item("not json")).reason).toMatch(/^output is not valid JSON/);
  });
  it("refuses an invalid schema and a schema pattern that can backtrack catastrophically", () => {
    expect(jsonSchemaParams.safeParse({ schema: { type: "nope" } }).error!.issues[0]!.message).toMatch(/^is not a valid JSON Schema/);
    expect(jsonSchemaParams.safeParse({ schema: { type: "string", pattern: "^(a|a)*$" } }).error!.issues[0]!.message).toMatch(/backtrack/);
  });
});

describe("numeric", () => {
  it("reads numbers strictly", () => {
    expect([readNumber("42"), readNumber(" -3.5e2 "), readNumber("1,234.5"), readNumber(7)]).toEqual([42, -350, 1234.5, 7]);
    expect([readNumber("about 42"), readNumber("42 apples"), readNumber(""), readNumber(null)]).toEqual([null, null, null, null]);
  });
  it("passes within an absolute or relative tolerance", () => {
    expect(numeric(numericParams.parse({ tolerance: 0.5 }), item("10.4", 10)).passed).toBe(true);
    expect(numeric(numericParams.parse({ tolerance: 0.5 }), item("10.6", "10")).passed).toBe(false);
    expect(numeric(numericParams.parse({ tolerance: 0.05, relative: true }), item(104, 100)).passed).toBe(true);
    expect(numeric(numericParams.parse({}), item(0.1 + 0.2, 0.3)).passed).toBe(true);
    expect(numeric(numericParams.parse({}), item("ten", 10))).toMatchObject({ status: "failed", reason: "output is not a number" });
    expect(numeric(numericParams.parse({}), item("10", "ten")).status).toBe("error");
  });
});

describe("length", () => {
  it("counts code points or words within bounds", () => {
    expect(length(lengthParams.parse({ max: 3 }), item("환불요"))).toMatchObject({ passed: true, details: { length: 3 } });
    expect(length(lengthParams.parse({ min: 2, max: 4, unit: "words" }), item("one two  three")).passed).toBe(true);
    expect(length(lengthParams.parse({ min: 5 }), item("abc")).passed).toBe(false);
    expect(lengthParams.safeParse({}).success).toBe(false);
    expect(lengthParams.safeParse({ min: 5, max: 2 }).success).toBe(false);
  });
});
