// Precision and recall of the guard's detectors on the labelled set (tests/fixtures/guard/labelled.jsonl).
// PII detectors are scored per entity: a detection is right when it overlaps a labelled entity of
// its type, and a labelled entity is found when a detection of its type overlaps it. The injection
// detector is scored per text (a text is labelled PROMPT_INJECTION or not).
import { readFileSync } from "node:fs";
import path from "node:path";
import { findInjections } from "@/lib/detectors/injection";
import { DETECTORS, type Range } from "@/lib/pii/detectors";

export type LabelledText = { id: string; lang: "en" | "ko"; text: string; labels: { type: string; value?: string }[]; note?: string };
export type DetectorScore = { detector: string; type: string; labelled: number; detected: number; truePositives: number; found: number; precision: number; recall: number; falsePositives: string[]; missed: string[] };

export const LABELLED_SET = path.resolve(import.meta.dirname, "../fixtures/guard/labelled.jsonl");

export function readLabelledSet(file = LABELLED_SET): LabelledText[] {
  return readFileSync(file, "utf8").split("\n").filter((l) => l.trim()).map((l, i) => {
    const row = JSON.parse(l) as LabelledText;
    for (const label of row.labels) {
      if (label.value !== undefined && !row.text.includes(label.value)) throw new Error(`line ${i + 1} (${row.id}): "${label.value}" is not in the text`);
    }
    return row;
  });
}

/** Every occurrence of each labelled value of a type, as ranges. */
function labelledRanges(row: LabelledText, type: string): Range[] {
  const out: Range[] = [];
  for (const l of row.labels) {
    if (l.type !== type || l.value === undefined) continue;
    for (let at = row.text.indexOf(l.value); at !== -1; at = row.text.indexOf(l.value, at + 1)) out.push({ start: at, end: at + l.value.length });
  }
  return out;
}

const overlaps = (a: Range, b: Range) => a.start < b.end && b.start < a.end;
const ratio = (n: number, d: number) => (d === 0 ? 1 : Math.round((n / d) * 1000) / 1000);

export function scoreDetectors(rows: readonly LabelledText[]): DetectorScore[] {
  const scores: DetectorScore[] = DETECTORS.map((d) => {
    let labelled = 0, detected = 0, truePositives = 0, found = 0;
    const falsePositives: string[] = [], missed: string[] = [];
    for (const row of rows) {
      const truth = labelledRanges(row, d.kind);
      const hits = d.find(row.text);
      labelled += truth.length;
      detected += hits.length;
      for (const h of hits) {
        if (truth.some((t) => overlaps(h, t))) truePositives++;
        else falsePositives.push(`${row.id}: ${row.text.slice(h.start, h.end)}`);
      }
      for (const t of truth) {
        if (hits.some((h) => overlaps(h, t))) found++;
        else missed.push(`${row.id}: ${row.text.slice(t.start, t.end)}`);
      }
    }
    return { detector: d.id, type: d.kind, labelled, detected, truePositives, found, precision: ratio(truePositives, detected), recall: ratio(found, labelled), falsePositives, missed };
  });
  let labelled = 0, detected = 0, truePositives = 0;
  const falsePositives: string[] = [], missed: string[] = [];
  for (const row of rows) {
    const truth = row.labels.some((l) => l.type === "PROMPT_INJECTION");
    const hit = findInjections(row.text).length > 0;
    if (truth) labelled++;
    if (hit) detected++;
    if (truth && hit) truePositives++;
    if (hit && !truth) falsePositives.push(`${row.id}: ${row.text}`);
    if (truth && !hit) missed.push(`${row.id}: ${row.text}`);
  }
  scores.push({ detector: "injection", type: "PROMPT_INJECTION", labelled, detected, truePositives, found: truePositives, precision: ratio(truePositives, detected), recall: ratio(truePositives, labelled), falsePositives, missed });
  return scores;
}
