import { describe, expect, it } from "vitest";
import type { PromptVersion } from "@/lib/queries/prompts/keys";
import { draftFromVersion, draftToContent, emptyDraft, sameContent } from "./prompt-draft-model";

const version = (template: PromptVersion["template"], config: Record<string, unknown> = { model: "m" }): PromptVersion => ({
  version: 1, template, config, variables: [], commitMessage: null, authorId: null, authorApiKey: null, contentHash: "", createdAt: "",
});

describe("prompt editor drafts", () => {
  it("turns chat rows into messages and placeholders, and round-trips a version", () => {
    const v = version([{ role: "system", content: "Be kind" }, { type: "placeholder", name: "history" }, { role: "user", content: "{{q}}" }]);
    const draft = draftFromVersion("chat", v);
    expect(draft.rows[1]).toEqual({ kind: "placeholder", name: "history" });
    const content = draftToContent(draft);
    expect(content).toEqual({ template: v.template, config: { model: "m" } });
    expect(sameContent("chat", content as never, v)).toBe(true);
    expect(sameContent("chat", { template: v.template, config: { model: "other" } }, v)).toBe(false);
    // Postgres jsonb hands keys back in its own order ({ name, type }, { role, content }): still the same content.
    const stored = version([{ content: "Be kind", role: "system" }, { name: "history", type: "placeholder" }, { content: "{{q}}", role: "user" }] as never);
    expect(sameContent("chat", content as never, stored)).toBe(true);
  });

  it("names the field that is wrong", () => {
    expect(draftToContent({ ...emptyDraft("text"), text: "hi", config: "{nope" })).toMatchObject({ error: { field: "config" } });
    expect(draftToContent({ ...emptyDraft("text"), text: "hi", config: "[1]" })).toMatchObject({ error: { field: "config" } });
    expect(draftToContent({ ...emptyDraft("text"), text: "  " })).toMatchObject({ error: { field: "template" } });
    expect(draftToContent({ ...emptyDraft("chat"), rows: [{ kind: "placeholder", name: "chat history" }] })).toMatchObject({ error: { field: "messages.0" } });
    expect(draftToContent({ ...emptyDraft("chat"), rows: [{ kind: "placeholder", name: "history" }] })).toMatchObject({ error: { field: "messages" } });
  });

  it("treats an empty config as {} and text equal to the version as unchanged", () => {
    const v = version("Hello {{name}}", {});
    const content = draftToContent({ ...draftFromVersion("text", v), config: "" });
    expect(content).toEqual({ template: "Hello {{name}}", config: {} });
    expect(sameContent("text", content as never, v)).toBe(true);
    expect(sameContent("chat", content as never, v)).toBe(false);
  });
});
