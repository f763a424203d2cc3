import { describe, expect, it } from "vitest";
import { searchPattern, usesTrigramIndex } from "./search-term";

describe("searchPattern", () => {
  it("wraps the term and escapes LIKE wildcards so they match literally", () => {
    expect(searchPattern("50%_off")).toBe("%50\\%\\_off%");
  });
  it("escapes like jsonb prints strings, so quotes and backslashes in the stored JSON text match", () => {
    expect(searchPattern('say "hi"')).toBe('%say \\\\"hi\\\\"%');
    expect(searchPattern("a\\b")).toBe("%a\\\\\\\\b%");
    expect(searchPattern("line\nbreak")).toBe("%line\\\\nbreak%");
  });
  it("keeps Hangul as is", () => {
    expect(searchPattern("보통 며칠")).toBe("%보통 며칠%");
  });
});

describe("usesTrigramIndex", () => {
  it("counts characters, not UTF-16 units or bytes", () => {
    expect(usesTrigramIndex("환불")).toBe(false);
    expect(usesTrigramIndex("환불은")).toBe(true);
    expect(usesTrigramIndex("ab")).toBe(false);
  });
});
