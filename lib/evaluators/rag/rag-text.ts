/**
 * Pure text helpers of the RAG evaluators: sentences of an answer, the question and answer text
 * of an item or trace, and the lexical overlap the cheap tier uses. Korean and English.
 */
import { asText } from "../text";

/** What an evaluator sends a model of one text: enough for any answer or passage, bounded for the prompt. */
export const MAX_TEXT = 8_000;
const clip = (s: string, n = MAX_TEXT) => (s.length > n ? `${s.slice(0, n)}…` : s);

const sentenceSegmenter = new Intl.Segmenter("und", { granularity: "sentence" });
const wordSegmenter = new Intl.Segmenter("und", { granularity: "word" });

/** The sentences of a text, trimmed, in order (Unicode sentence boundaries, lines too). */
export function sentencesOf(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\n+/)) {
    for (const { segment } of sentenceSegmenter.segment(line)) {
      const s = segment.trim();
      if (s) out.push(s);
    }
  }
  return out;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** The text of a message's content: a string, or its text parts joined. */
function contentText(content: unknown): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) return content.map((p) => (typeof p === "string" ? p : isObj(p) && typeof p.text === "string" ? p.text : "")).filter(Boolean).join("\n");
  return content === undefined || content === null ? "" : asText(content);
}

function lastMessage(value: unknown, role: string): string | null {
  const list = Array.isArray(value) ? value : isObj(value) && Array.isArray(value.messages) ? value.messages : null;
  if (list && list.length && list.every((m) => isObj(m) && "role" in m)) {
    for (let i = list.length - 1; i >= 0; i--) if ((list[i] as Obj).role === role) return contentText((list[i] as Obj).content);
    return null;
  }
  if (isObj(value) && "role" in value && "content" in value) return contentText(value.content);
  return null;
}

/** The question an input asks: a string, `{ question | query | input }`, the last user message, else the input as JSON. */
export function questionText(input: unknown): string {
  if (typeof input === "string") return clip(input);
  if (isObj(input)) for (const k of ["question", "query", "input"]) if (typeof input[k] === "string") return clip(input[k] as string);
  return clip(lastMessage(input, "user") ?? asText(input));
}

/** The answer an output gives: a string, the assistant message's content, `{ answer | output | text }`, else the output as JSON. */
export function answerText(output: unknown): string {
  if (typeof output === "string") return clip(output);
  const message = lastMessage(output, "assistant");
  if (message !== null) return clip(message);
  if (isObj(output)) for (const k of ["answer", "output", "text", "content"]) if (typeof output[k] === "string") return clip(output[k] as string);
  return clip(asText(output));
}

/** A context passage: its text and, when known, its document id. */
export type Passage = { id: string | null; content: string };

/**
 * `contexts` as given to an evaluator: a list of strings or documents `{ content | page_content | text, id? }`,
 * empty ones dropped, each clipped. Not a list: no passages.
 */
export function passagesOf(contexts: unknown): Passage[] {
  if (!Array.isArray(contexts)) return [];
  const out: Passage[] = [];
  for (const c of contexts) {
    if (typeof c === "string") {
      if (c.trim()) out.push({ id: null, content: clip(c) });
      continue;
    }
    if (!isObj(c)) continue;
    const content = [c.content, c.page_content, c.pageContent, c.text].find((v) => typeof v === "string" && v.trim()) as string | undefined;
    if (content) out.push({ id: typeof c.id === "string" ? c.id : typeof c.id === "number" ? String(c.id) : null, content: clip(content) });
  }
  return out;
}

const STOPWORDS = new Set("a an the and or but of to in on at by for with from as is are was were be been being it its this that these those there their they them he she his her we our you your i my me not no do does did so if then than can will would should could may might must has have had".split(" "));
const HANGUL = /[\uac00-\ud7a3]/;

/**
 * Content terms of a text: lower-cased NFKC words without English stop words; a Hangul word
 * gives its character bigrams instead (Korean attaches particles to words: 환불은 and 환불이
 * share 환불), and a one-syllable word itself.
 */
export function termsOf(text: string): Set<string> {
  const terms = new Set<string>();
  for (const { segment, isWordLike } of wordSegmenter.segment(text.normalize("NFKC").toLowerCase())) {
    if (!isWordLike) continue;
    if (HANGUL.test(segment)) {
      if (segment.length === 1) terms.add(segment);
      for (let i = 0; i + 2 <= segment.length; i++) terms.add(segment.slice(i, i + 2));
    } else if (!STOPWORDS.has(segment)) terms.add(segment);
  }
  return terms;
}

/** Share of `claim`'s content terms found in `reference` (0 when the claim has none). */
export function coverage(claim: Set<string>, reference: Set<string>): number {
  if (claim.size === 0) return 0;
  let hit = 0;
  for (const t of claim) if (reference.has(t)) hit++;
  return hit / claim.size;
}

/** The best coverage of a claim by any one reference, and which reference gave it (−1 when there are none). */
export function bestCoverage(claim: string, references: readonly Set<string>[]): { overlap: number; best: number } {
  const terms = termsOf(claim);
  let overlap = 0;
  let best = -1;
  references.forEach((r, i) => {
    const c = coverage(terms, r);
    if (best === -1 || c > overlap) {
      overlap = c;
      best = i;
    }
  });
  return { overlap: round(overlap), best };
}

export const round = (n: number, digits = 6) => Math.round(n * 10 ** digits) / 10 ** digits;
