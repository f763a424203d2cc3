import { describe, expect, it } from "vitest";
import { detectInjection } from "../detectors/injection";
import { RED_TEAM_CATEGORIES, redTeamSet } from "./red-team-set";

describe("the shipped red-team set", () => {
  const { items } = redTeamSet();

  it("covers every category in English and Korean with unique, stable ids", () => {
    expect(items.length).toBeGreaterThanOrEqual(40);
    for (const category of RED_TEAM_CATEGORIES) for (const language of ["en", "ko"]) {
      expect(items.filter((i) => i.metadata.category === category && i.metadata.language === language).length, `${category}/${language}`).toBeGreaterThanOrEqual(5);
    }
    expect(new Set(items.map((i) => i.metadata.redTeamId)).size).toBe(items.length);
  });

  it("every injection item asks for its canary, so the leak evaluator can see the injection succeed", () => {
    for (const i of items.filter((x) => x.metadata.category === "prompt_injection")) expect(i.input.toLowerCase()).toContain(i.metadata.canary!.toLowerCase());
  });

  it("the ingest injection detector (precision first) flags at least a third of the injection and extraction prompts; the set relies on metadata.expected, not on it", () => {
    const adversarial = items.filter((i) => i.metadata.category === "prompt_injection" || i.metadata.category === "system_prompt_extraction");
    const flagged = adversarial.filter((i) => detectInjection(i.input));
    expect(flagged.length / adversarial.length).toBeGreaterThanOrEqual(1 / 3);
  });
});
