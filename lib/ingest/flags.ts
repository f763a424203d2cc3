import { detectInjection, HANGUL, INJECTION_SCAN_CAP } from "../detectors/injection";

/**
 * Cheap content flags computed on ingest. Heuristics, not classifiers: they exist to make
 * suspicious spans filterable, so they favour precision on common phrasings over recall.
 */
export const FLAGS = ["error", "pii", "injection", "uncertainty", "guardrail_blocked", "guardrail_masked"] as const;
export type Flag = (typeof FLAGS)[number];

/** Only this much text per side is scanned, so a 10 MB payload costs the same as a 20 KB one. */
export const FLAG_TEXT_CAP = INJECTION_SCAN_CAP;

const APOS = "['’]";
const UNCERTAINTY_EN = new RegExp(
  [
    String.raw`\bI(?:${APOS}m|\s+am)\s+(?:not\s+(?:entirely\s+|completely\s+|totally\s+|quite\s+|100%\s+)?(?:sure|certain)|unsure)\b`,
    String.raw`\bI\s+(?:don${APOS}t|do\s+not)\s+(?:really\s+|actually\s+)?know\b`,
    String.raw`\bI\s+(?:cannot|can${APOS}t|can\s+not)\s+(?:be\s+)?(?:certain|sure)\b`,
    String.raw`\bI(?:${APOS}m|\s+am)\s+unable\s+to\s+(?:verify|confirm)\b`,
    String.raw`\bas\s+an\s+AI(?:\s+(?:language\s+)?model)?,?\s+I\s+(?:don${APOS}t|do\s+not|cannot|can${APOS}t)\s+(?:have\s+)?(?:access|browse|know)`,
    String.raw`\bI\s+(?:don${APOS}t|do\s+not)\s+have\s+(?:access\s+to\s+)?(?:real-time|current|up-to-date)\s+(?:information|data)`,
  ].join("|"),
  "i",
);
const UNCERTAINTY_KO = new RegExp(
  [
    String.raw`모르겠(?:습니다|어요|네요|다)`,
    String.raw`확실(?:하지|치)\s*않`,
    String.raw`정확하지\s*않을\s*수`,
    String.raw`알\s*수\s*없(?:습니다|어요|네요|다)`,
    String.raw`확신(?:할|하기)\s*(?:수\s*없|어렵)`,
    String.raw`확답(?:을|하기)?\s*(?:드리기)?\s*어렵`,
  ].join("|"),
);

// Operators' own system prompts routinely say "never reveal your system prompt"; only what
// the user (or a tool) sent can be an injection attempt.
const TRUSTED_ROLES = new Set(["system", "developer"]);

/**
 * Strings anywhere in a JSON value, head and tail capped: chat transcripts put the newest
 * user turn last and answers put hedges first, so both ends matter.
 */
export function gatherText(value: unknown, cap = FLAG_TEXT_CAP, skipTrustedRoles = false): string {
  const strings: string[] = [];
  const stack: unknown[] = [value];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === "string") strings.push(v);
    else if (typeof v === "object" && v !== null && !seen.has(v)) {
      seen.add(v);
      const isArray = Array.isArray(v);
      if (skipTrustedRoles && !isArray && TRUSTED_ROLES.has(String((v as { role?: unknown }).role))) continue;
      const items: unknown[] = isArray ? v : Object.values(v);
      // Pushed in reverse so strings come out in document order.
      for (let i = items.length - 1; i >= 0; i--) stack.push(items[i]);
    }
  }
  let total = 0;
  for (const s of strings) total += s.length + 1;
  // Above the cap, build only the two ends rather than joining (copying) everything.
  if (total <= cap) return strings.join("\n");
  return `${takeEnd(strings, cap / 2, false)}\n${takeEnd(strings, cap / 2, true)}`;
}

function takeEnd(strings: string[], budget: number, fromTail: boolean): string {
  const parts: string[] = [];
  for (let i = 0; i < strings.length && budget > 0; i++) {
    const s = strings[fromTail ? strings.length - 1 - i : i]!;
    const piece = s.length <= budget ? s : fromTail ? s.slice(s.length - budget) : s.slice(0, budget);
    parts.push(piece);
    budget -= piece.length + 1;
  }
  return (fromTail ? parts.reverse() : parts).join("\n");
}

const matches = (text: string, en: RegExp, ko: RegExp) => en.test(text) || (HANGUL.test(text) && ko.test(text));

/**
 * Flags in a fixed order; "pii" comes from the masker's count since masking happens first.
 * A guardrail span carries its verdict in `metadata.verdict` (the inline guard writes it; any
 * source may): "block" and "mask" become guardrail_blocked and guardrail_masked.
 */
export function detectFlags(span: { level: string; input: unknown; output: unknown; kind?: string; metadata?: Record<string, unknown> | null }, piiMasks = 0): Flag[] {
  const flags: Flag[] = [];
  if (span.level === "ERROR") flags.push("error");
  if (piiMasks > 0) flags.push("pii");
  const input = gatherText(span.input, FLAG_TEXT_CAP, true);
  if (detectInjection(input)) flags.push("injection");
  const output = gatherText(span.output);
  if (output && matches(output, UNCERTAINTY_EN, UNCERTAINTY_KO)) flags.push("uncertainty");
  if (span.kind === "guardrail") {
    const verdict = span.metadata?.verdict;
    if (verdict === "block") flags.push("guardrail_blocked");
    else if (verdict === "mask") flags.push("guardrail_masked");
  }
  return flags;
}
