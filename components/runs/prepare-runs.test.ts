import { describe, expect, it } from "vitest";
import type { RunRow } from "@/lib/queries/runs/keys";
import { etaText, inputText, formatP, parseIds, passRateOf, previousRun, progressPercent, runLabel, significance, verdictText, wordDiff } from "./prepare-runs";

const run = (id: string, createdAt: string, status = "succeeded", datasetId = "d1") => ({ id, createdAt, status, datasetId }) as RunRow;

describe("prepare-runs", () => {
  it("labels runs by prompt version and label, and scoring-only runs as supplied outputs", () => {
    expect(runLabel({ source: "prompt", prompt: { id: "p", name: "support-answer", version: 3, label: "production" } })).toBe("support-answer v3 (production)");
    expect(runLabel({ source: "prompt", prompt: { id: "p", name: "qa", version: 1, label: null } })).toBe("qa v1");
    expect(runLabel({ source: "outputs", prompt: null })).toBe("supplied outputs");
    expect(runLabel({ source: "outputs", prompt: { id: "p", name: "support-answer", version: 2, label: null } })).toBe("support-answer v2 · recorded outputs");
  });
  it("says passed / failed only once finished", () => {
    expect(verdictText({ status: "running", passed: null })).toBe("running");
    expect(verdictText({ status: "succeeded", passed: true })).toBe("passed");
    expect(verdictText({ status: "succeeded", passed: false })).toBe("failed");
    expect(verdictText({ status: "cancelled", passed: false })).toBe("cancelled");
  });
  it("computes progress, live pass rate and ETA", () => {
    expect(progressPercent({ done: 1, total: 3 })).toBe(33);
    expect(progressPercent({ done: 0, total: 0 })).toBe(0);
    expect(passRateOf({ summary: null, progress: { done: 4, passed: 3, total: 10, failed: 0, cost: 0, etaMs: null } })).toBe(0.75);
    expect(passRateOf({ summary: null, progress: { done: 0, passed: 0, total: 10, failed: 0, cost: 0, etaMs: null } })).toBeNull();
    expect(etaText(null)).toBeNull();
    expect(etaText(12_400)).toBe("12s left");
    expect(etaText(150_000)).toBe("about 3 min left");
  });
  it("picks the latest earlier finished run of the same golden set to compare with", () => {
    const runs = [run("c", "2026-01-03", "running"), run("b", "2026-01-02"), run("x", "2026-01-02T12:00", "succeeded", "d2"), run("a", "2026-01-01")];
    expect(previousRun(runs, run("c", "2026-01-03"))?.id).toBe("b");
    expect(previousRun(runs, run("a", "2026-01-01"))).toBeNull();
  });
  it("parses ids from the URL without blanks or repeats", () => {
    expect(parseIds(" a, b,,a ,c")).toEqual(["a", "b", "c"]);
    expect(parseIds(null)).toEqual([]);
  });
  it("diffs words, keeping what is common", () => {
    expect(wordDiff("refund in 5 days", "refund in 7 days")).toEqual([
      { text: "refund in ", kind: "same" }, { text: "5", kind: "removed" }, { text: "7", kind: "added" }, { text: " days", kind: "same" },
    ]);
  });
  it("shows no diff when the outputs share too little, and an input by its question", () => {
    expect(wordDiff("Refunds take five business days", "echo: what now?")).toBeNull();
    expect(inputText({ company: "Acme", question: "Where is my invoice?" })).toBe("Where is my invoice?");
    expect(inputText({ a: 1 })).toBe('{"a":1}');
  });
  it("formats p-values and reads them at α = 0.05", () => {
    expect(formatP(null)).toBe("—");
    expect(formatP(0.0390625)).toBe("p = 0.039");
    expect(formatP(0.0001)).toBe("p < 0.001");
    expect(significance(0.01, -2)).toBe("worse");
    expect(significance(0.01, 3)).toBe("better");
    expect(significance(0.2, 3)).toBe("no significant change");
    expect(significance(null, 0)).toBe("not enough pairs");
  });
});
