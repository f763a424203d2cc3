import { diffLines, diffWordsWithSpace } from "diff";
import type { PromptTemplate } from "@/lib/queries/prompts/keys";

export type DiffSegment = { text: string; changed: boolean };
export type DiffCell = { lineNo: number; kind: "context" | "removed" | "added"; segments: DiffSegment[] };
/** One row of the side-by-side view: a line on each side, or a gap (null) where the other side has one. */
export type DiffRow = { left: DiffCell | null; right: DiffCell | null };
export type SideBySide = { rows: DiffRow[]; added: number; removed: number; identical: boolean };

/**
 * A template as the lines people read and diff: a text prompt as is; a chat prompt as one block
 * per message headed by its role (`[system]`), placeholders as `[placeholder: history]`.
 */
export function templateText(template: PromptTemplate): string {
  if (typeof template === "string") return template;
  return template.map((m) => ("type" in m ? `[placeholder: ${m.name}]` : `[${m.role}]\n${m.content}`)).join("\n\n");
}

/** Config as indented JSON with keys sorted, so a reordered object shows no change. */
export function configText(config: Record<string, unknown>): string {
  return JSON.stringify(sortKeys(config), null, 2);
}

/** JSON with object keys sorted: equal content gives equal text whatever order the keys came in (jsonb reorders them). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]));
  return value;
}

const lines = (value: string) => value.replace(/\n$/, "").split("\n");
// jsdiff sees "b" and "b\n" as different lines; a final newline carries no meaning in a prompt.
const withEol = (text: string) => (text.endsWith("\n") ? text : `${text}\n`);

/**
 * Rows for a side-by-side diff: removed lines are paired with the added lines that replace
 * them, and each pair gets word-level highlights; leftovers face a gap.
 */
export function prepareSideBySide(before: string, after: string): SideBySide {
  const rows: DiffRow[] = [];
  let leftNo = 0;
  let rightNo = 0;
  let added = 0;
  let removed = 0;
  const changes = diffLines(withEol(before), withEol(after));
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i]!;
    if (!change.added && !change.removed) {
      for (const text of lines(change.value)) rows.push({ left: { lineNo: ++leftNo, kind: "context", segments: [{ text, changed: false }] }, right: { lineNo: ++rightNo, kind: "context", segments: [{ text, changed: false }] } });
      continue;
    }
    const gone = change.removed ? lines(change.value) : [];
    const next = changes[i + 1];
    const come = change.added ? lines(change.value) : next?.added ? lines(next.value) : [];
    if (change.removed && next?.added) i++;
    removed += gone.length;
    added += come.length;
    for (let k = 0; k < Math.max(gone.length, come.length); k++) {
      const l = gone[k];
      const r = come[k];
      const [ls, rs] = l !== undefined && r !== undefined ? wordSegments(l, r) : [[{ text: l ?? "", changed: false }], [{ text: r ?? "", changed: false }]];
      rows.push({ left: l === undefined ? null : { lineNo: ++leftNo, kind: "removed", segments: ls }, right: r === undefined ? null : { lineNo: ++rightNo, kind: "added", segments: rs } });
    }
  }
  return { rows, added, removed, identical: added === 0 && removed === 0 };
}

// diffWords moves whitespace between the sides ("question." read "question ." on the left), so
// whitespace is diffed as tokens too: each side then rebuilds its own line exactly.
function wordSegments(before: string, after: string): [DiffSegment[], DiffSegment[]] {
  const left: DiffSegment[] = [];
  const right: DiffSegment[] = [];
  for (const part of diffWordsWithSpace(before, after)) {
    if (!part.added) left.push({ text: part.value, changed: Boolean(part.removed) });
    if (!part.removed) right.push({ text: part.value, changed: Boolean(part.added) });
  }
  return [absorbShortRuns(left), absorbShortRuns(right)];
}

/**
 * A rewritten sentence shares little words ("the", "in", "and") with the old one, and marking
 * each change between them reads as confetti. A short unchanged run (≤ 3 characters) between
 * two changes joins them, and neighbours with the same flag merge.
 */
function absorbShortRuns(segments: DiffSegment[]): DiffSegment[] {
  const marked = segments.map((s, i) => ({
    ...s,
    changed: s.changed || (segments[i - 1]?.changed === true && segments[i + 1]?.changed === true && s.text.trim().length <= 3),
  }));
  const merged: DiffSegment[] = [];
  for (const s of marked) {
    const last = merged[merged.length - 1];
    if (last && last.changed === s.changed) last.text += s.text;
    else merged.push({ ...s });
  }
  return merged;
}
