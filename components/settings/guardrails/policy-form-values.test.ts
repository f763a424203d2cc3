import { describe, expect, it } from "vitest";
import { DEFAULT_ACTIONS, type GuardPolicyView } from "@/lib/schemas/guard";
import { configFromForm, formFromPolicy, policyFromForm, summarizePolicy } from "./policy-form-values";

const view: GuardPolicyView = {
  id: "p1", name: "strict", description: "for kids", isDefault: true, builtIn: false, updatedAt: null,
  input: { ...DEFAULT_ACTIONS.input, RRN: "block" }, output: DEFAULT_ACTIONS.output,
  deniedTerms: ["casino", "도박"], systemPrompts: { prompts: ["support/answer"], texts: ["You are a tutor."], minOverlap: 0.5 },
};

describe("policy form values", () => {
  it("round-trips a policy through the form", () => {
    const form = formFromPolicy(view);
    expect(form.deniedTerms).toBe("casino\n도박");
    const out = policyFromForm(form);
    expect(out).toEqual({ policy: { name: "strict", description: "for kids", isDefault: true, input: view.input, output: view.output, deniedTerms: ["casino", "도박"], systemPrompts: view.systemPrompts } });
  });

  it("a new policy starts from the defaults", () => {
    expect(formFromPolicy(null)).toMatchObject({ name: "", input: DEFAULT_ACTIONS.input, output: DEFAULT_ACTIONS.output, minOverlap: "0.35", texts: [] });
  });

  it("trims lists, drops blanks and duplicates, and says what to fix", () => {
    const form = { ...formFromPolicy(view), deniedTerms: " casino \n\ncasino\n poker", prompts: "a\n\n", texts: ["  ", "x"] };
    expect(configFromForm(form)).toMatchObject({ config: { deniedTerms: ["casino", "poker"], systemPrompts: { prompts: ["a"], texts: ["x"] } } });
    expect(policyFromForm({ ...form, name: " " })).toEqual({ error: "Name: required." });
    expect(policyFromForm({ ...form, name: "a/b" })).toEqual({ error: "Name: must not contain '/'." });
    expect(configFromForm({ ...form, minOverlap: "0" })).toHaveProperty("error");
    expect(configFromForm({ ...form, minOverlap: "abc" })).toHaveProperty("error");
    expect(configFromForm({ ...form, deniedTerms: "x" })).toEqual({ error: 'Denied term "x": at least 2 characters.' });
  });

  it("summarizes what a policy blocks and masks, and on which side", () => {
    expect(summarizePolicy(view)).toContain("Blocks: resident registration number (in), prompt injection (in), system prompt leak (out), denied term (out)");
    expect(summarizePolicy(view)).toContain("Masks: email address (in+out)");
    const quiet = Object.fromEntries(Object.keys(DEFAULT_ACTIONS.input).map((k) => [k, "allow"])) as GuardPolicyView["input"];
    expect(summarizePolicy({ input: quiet, output: quiet })).toBe("Reports only");
  });
});
