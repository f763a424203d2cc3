import { findDeniedTerms } from "../detectors/denied-terms";
import { findInjections } from "../detectors/injection";
import { findSystemPromptEchoes, outputGrams, type SystemPromptGrams } from "../detectors/system-prompt-leak";
import { collectHits, redactRanges } from "../pii/mask-pii";
import type { GuardFinding, GuardMessage, GuardVerdict } from "../schemas/guard";
import { actionFor, type CompiledDirection, SYSTEM_PROMPT_NGRAM } from "./compile-policy";

type Finding = Omit<GuardFinding, "message" | "part">;

/**
 * Every finding in one text for one side of a policy, in order of position. Findings of
 * different detectors may overlap (a phone number inside a card number); each is reported,
 * and masking merges them. Score: 1 for rule matches (validated patterns, listed terms, known
 * injection phrasings), the share of the prompt's n-grams echoed for a system-prompt leak.
 */
export function findInText(text: string, side: CompiledDirection, systemPrompts: readonly SystemPromptGrams[], minOverlap: number): Finding[] {
  const out: Finding[] = [];
  const add = (type: string, start: number, end: number, score: number, detector: string) => {
    const action = actionFor(side, type, detector);
    if (action !== "off") out.push({ type, start, end, score, detector, action });
  };
  if (side.pii) for (const h of collectHits(text, side.pii)) add(h.kind, h.start, h.end, 1, h.detector);
  if (side.injection) for (const r of findInjections(text)) add("PROMPT_INJECTION", r.start, r.end, 1, "injection");
  if (side.denied) for (const r of findDeniedTerms(side.denied, text)) add("DENIED_TERM", r.start, r.end, 1, "deniedTerms");
  if (side.systemPromptLeak && systemPrompts.length > 0) {
    const grams = outputGrams(text, SYSTEM_PROMPT_NGRAM);
    for (const sys of systemPrompts) {
      const { overlap, ranges } = findSystemPromptEchoes(sys, grams, minOverlap);
      for (const r of ranges) add("SYSTEM_PROMPT_LEAK", r.start, r.end, overlap, "systemPromptLeak");
    }
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Findings whose action is mask, redacted as `[REDACTED:<TYPE>]` (block findings stay: the caller will not send the text). */
const masked = (text: string, findings: readonly Finding[]) =>
  redactRanges(text, findings.filter((f) => f.action === "mask").map((f) => ({ start: f.start, end: f.end, kind: f.type })));

export function verdictOf(findings: readonly { action: GuardFinding["action"] }[]): GuardVerdict {
  if (findings.some((f) => f.action === "block")) return "block";
  return findings.some((f) => f.action === "mask") ? "mask" : "allow";
}

type Checked<T> = { verdict: GuardVerdict; findings: GuardFinding[] } & T;
type Options = { side: CompiledDirection; systemPrompts: readonly SystemPromptGrams[]; minOverlap: number };

export function guardText(text: string, o: Options): Checked<{ text: string }> {
  const findings = findInText(text, o.side, o.systemPrompts, o.minOverlap);
  return { verdict: verdictOf(findings), text: masked(text, findings), findings };
}

// The operator's own instructions are not checked: they routinely say "never reveal your system prompt".
const TRUSTED_ROLES = new Set(["system", "developer"]);

/** A chat message list: each untrusted message's text (string content, or each text part) on its own; findings say which. */
export function guardMessages(messages: readonly GuardMessage[], o: Options): Checked<{ messages: GuardMessage[] }> {
  const findings: GuardFinding[] = [];
  const out = messages.map((m, message) => {
    if (TRUSTED_ROLES.has(m.role) || m.content === null) return m;
    if (typeof m.content === "string") {
      const found = findInText(m.content, o.side, o.systemPrompts, o.minOverlap);
      findings.push(...found.map((f) => ({ ...f, message })));
      return found.length ? { ...m, content: masked(m.content, found) } : m;
    }
    let changed = false;
    const parts = m.content.map((p, part) => {
      if (typeof p.text !== "string") return p;
      const found = findInText(p.text, o.side, o.systemPrompts, o.minOverlap);
      findings.push(...found.map((f) => ({ ...f, message, part })));
      if (!found.length) return p;
      changed = true;
      return { ...p, text: masked(p.text, found) };
    });
    return changed ? { ...m, content: parts } : m;
  });
  return { verdict: verdictOf(findings), messages: out, findings };
}
