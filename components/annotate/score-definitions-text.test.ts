import { describe, expect, it } from "vitest";
import { parseScoreDefinitions } from "./score-definitions-text";

describe("score definitions typed in the dialog", () => {
  it("reads ranges, categories and yes/no, and names a bad line", () => {
    expect(parseScoreDefinitions("quality: 1-5\ntone: formal | casual\n\ncorrect: yes/no")).toEqual({
      definitions: [
        { name: "quality", type: "numeric", min: 1, max: 5 },
        { name: "tone", type: "categorical", categories: ["formal", "casual"] },
        { name: "correct", type: "boolean" },
      ],
      error: null,
    });
    expect(parseScoreDefinitions("quality: 5-1").error).toBe("line 1: the range must go up");
    expect(parseScoreDefinitions("ok: 1-5\njust words").error).toContain("line 2");
    expect(parseScoreDefinitions("tone: formal").error).toContain("two categories");
    expect(parseScoreDefinitions("").error).toBe("add at least one score");
  });
});
