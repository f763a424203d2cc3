import { describe, expect, it } from "vitest";
import { createBody, parseHeaders, updateBody } from "./connection-form-values";

const form = { name: "main", baseUrl: "https://api.example.com/v1", apiKey: "", noApiKey: false, headers: "", models: "" };
const before = { name: "main", baseUrl: "https://api.example.com/v1", models: ["gpt-4o-mini"] };

describe("connection form", () => {
  it("reads headers line by line and names a bad line", () => {
    expect(parseHeaders("x-team: evals\n\napi-key:  abc:def ")).toEqual({ headers: { "x-team": "evals", "api-key": "abc:def" } });
    expect(parseHeaders("x-team evals")).toEqual({ error: 'Header line 1 must look like "Name: value"' });
  });

  it("creates with models split on commas and whitespace, and no key when none is typed", () => {
    expect(createBody({ ...form, models: "gpt-4o-mini, gpt-4o\njudge" })).toEqual({ name: "main", baseUrl: "https://api.example.com/v1", apiKey: null, headers: {}, models: ["gpt-4o-mini", "gpt-4o", "judge"] });
  });

  it("sends only what changed, keeps secrets when left empty, and asks for the key with a new base URL", () => {
    expect(updateBody(before, { ...form, models: "gpt-4o-mini" })).toEqual({});
    expect(updateBody(before, { ...form, name: "renamed", models: "gpt-4o-mini" })).toEqual({ name: "renamed" });
    expect(updateBody(before, { ...form, baseUrl: "https://other.example.com/v1", models: "gpt-4o-mini" })).toMatchObject({ error: expect.stringMatching(/^A new base URL needs the API key/) });
    expect(updateBody(before, { ...form, baseUrl: "https://other.example.com/v1", apiKey: "sk-new", models: "gpt-4o-mini" })).toEqual({ baseUrl: "https://other.example.com/v1", apiKey: "sk-new" });
    expect(updateBody(before, { ...form, baseUrl: "https://api.example.com/v1/", noApiKey: true, models: "" })).toEqual({ apiKey: null, models: [] });
  });
});
