import { describe, expect, it } from "vitest";
import type { PromptListRow } from "@/lib/queries/prompts/keys";
import { filterPrompts, groupByFolder, knownLabels, orderLabels, parseListFilters, serializeListFilters } from "./prompt-list-model";

const row = (name: string, type: "text" | "chat", labels: string[] = []): PromptListRow => ({
  id: name, name, type, description: null, tags: [], createdById: null, createdAt: "", updatedAt: "", latestVersion: 2, openChangeRequests: 0, lastChangeAt: "",
  labels: [{ label: "latest", version: 2, canary: false }, ...labels.map((label) => ({ label, version: 1, canary: false }))],
});

describe("prompt list model", () => {
  it("groups by folder: root prompts first, folders by name, leaves sorted", () => {
    const groups = groupByFolder([row("support/triage", "text"), row("welcome", "text"), row("support/answer", "chat"), row("a/b/c", "text")]);
    expect(groups.map((g) => [g.folder, g.prompts.map((p) => p.leaf)])).toEqual([["", ["welcome"]], ["a/b", ["c"]], ["support", ["answer", "triage"]]]);
  });

  it("filters by type and label; reads and writes the URL without defaults", () => {
    const rows = [row("a", "text", ["production"]), row("b", "chat", ["staging"]), row("c", "chat", ["production"])];
    const f = parseListFilters(new URLSearchParams("type=chat&label=production&q=%20x%20"));
    expect(f).toEqual({ q: "x", type: "chat", label: "production" });
    expect(filterPrompts(rows, f).map((r) => r.name)).toEqual(["c"]);
    expect(parseListFilters(new URLSearchParams("type=html&label=<b>"))).toEqual({ q: "", type: null, label: null });
    expect(serializeListFilters({ q: "", type: "text", label: null })).toBe("type=text");
  });

  it("orders labels production, staging, custom, latest", () => {
    expect(orderLabels([{ label: "latest" }, { label: "canary-eu" }, { label: "staging" }, { label: "production" }]).map((l) => l.label)).toEqual(["production", "staging", "canary-eu", "latest"]);
    expect(knownLabels([row("a", "text", ["staging"]), row("b", "text", ["production", "staging"])])).toEqual(["production", "staging", "latest"]);
  });
});
