// The guard's detectors on the labelled English and Korean set (tests/fixtures/guard/labelled.jsonl):
// precision and recall per detector, printed, and a failure when either drops below its floor. The
// floors are the first measurement (docs/guardrails.md): raise them when a detector improves.
import { describe, expect, it } from "vitest";
import { readLabelledSet, scoreDetectors } from "../support/guard-quality";

/** The first measurement of the shipped detectors (2026-12-07, 307 texts); docs/guardrails.md has it beside the one before #15's changes. */
const FLOORS: Record<string, { precision: number; recall: number }> = {
  email: { precision: 0.975, recall: 1 },
  rrn: { precision: 1, recall: 1 },
  creditCard: { precision: 1, recall: 1 },
  phone: { precision: 1, recall: 0.977 },
  apiKey: { precision: 1, recall: 1 },
  ipAddress: { precision: 1, recall: 1 },
  injection: { precision: 1, recall: 0.982 },
};

describe("guard detector quality on the labelled set", () => {
  const rows = readLabelledSet();
  const scores = scoreDetectors(rows);

  it("holds about 300 English and Korean texts, with benign look-alikes", () => {
    expect(rows.length).toBeGreaterThanOrEqual(280);
    expect(rows.filter((r) => r.lang === "ko").length).toBeGreaterThanOrEqual(120);
    expect(rows.filter((r) => r.labels.length === 0).length).toBeGreaterThanOrEqual(80);
  });

  it("reports precision and recall per detector, each at or above its floor", () => {
    console.table(Object.fromEntries(scores.map((s) => [s.detector, { type: s.type, labelled: s.labelled, detected: s.detected, precision: s.precision, recall: s.recall }])));
    for (const s of scores) {
      if (s.falsePositives.length) console.log(`[${s.detector}] false positives:\n  ${s.falsePositives.join("\n  ")}`);
      if (s.missed.length) console.log(`[${s.detector}] missed:\n  ${s.missed.join("\n  ")}`);
    }
    for (const s of scores) {
      const floor = FLOORS[s.detector];
      expect(floor, `no floor for ${s.detector}`).toBeDefined();
      expect(s.precision, `${s.detector} precision`).toBeGreaterThanOrEqual(floor!.precision);
      expect(s.recall, `${s.detector} recall`).toBeGreaterThanOrEqual(floor!.recall);
    }
  });
});
