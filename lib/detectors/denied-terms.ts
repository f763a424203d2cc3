/**
 * A deny-list of terms (a topic is given by its terms): case-insensitive, whitespace inside a
 * term matches any run of whitespace, and an edge that is an ASCII letter or digit must be a
 * word edge ("bet" does not match "alphabet"). Korean and other scripts match as substrings,
 * since particles attach to the word ("도박은", "도박을").
 */
import type { Range } from "../pii/detectors";

const ASCII_WORD = /[A-Za-z0-9_]/;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function termPattern(term: string): string {
  const body = term.trim().split(/\s+/).map(escape).join(String.raw`\s+`);
  const left = ASCII_WORD.test(term.trim()[0] ?? "") ? "(?<![A-Za-z0-9_])" : "";
  const right = ASCII_WORD.test(term.trim().at(-1) ?? "") ? "(?![A-Za-z0-9_])" : "";
  return `${left}${body}${right}`;
}

/** One regex for a list of terms (longest first, so "credit card fraud" wins over "credit card"); null for an empty list. */
export function compileDeniedTerms(terms: readonly string[]): RegExp | null {
  const usable = [...new Set(terms.map((t) => t.trim()).filter((t) => t.length > 0))].sort((a, b) => b.length - a.length);
  return usable.length ? new RegExp(usable.map(termPattern).join("|"), "giu") : null;
}

export function findDeniedTerms(re: RegExp | null, text: string): Range[] {
  const out: Range[] = [];
  if (!re) return out;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0] === "") re.lastIndex++;
    else out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}
