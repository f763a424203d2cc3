import type { TermPair } from "./terms";

/** One kind of replacement made in a text: the term as found (lowercased for English), its counterpart, how often. */
export type SwapMade = { from: string; to: string; category: string; count: number };
export type SwapResult<T> = { value: T; swaps: SwapMade[] };

const HANGUL = /[\uac00-\ud7a3]/;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const byLengthDesc = (a: string, b: string) => b.length - a.length || (a < b ? -1 : 1);

/**
 * Korean particles a term may carry (longest first, so 에게서 is tried before 에게 and 에).
 * A term followed by one of these is a whole word; 나/야/아 are left out because 그나마 and
 * 그야말로 would otherwise read as 그 + particle.
 */
const PARTICLES = [
  "에게서", "에서는", "에게는", "께서는", "으로는", "이에요", "입니다",
  "이랑", "으로", "에게", "에서", "한테", "께서", "보다", "처럼", "까지", "부터", "이다",
  "은", "는", "이", "가", "을", "를", "의", "에", "와", "과", "도", "만", "로", "랑", "들",
];

/** Particles whose form depends on whether the word before ends in a consonant (batchim): [after consonant, after vowel]. */
const ALTERNATING: [string, string][] = [["은", "는"], ["이", "가"], ["을", "를"], ["과", "와"], ["이랑", "랑"]];

function finalConsonant(word: string): number | null {
  const c = word.charCodeAt(word.length - 1);
  if (c < 0xac00 || c > 0xd7a3) return null;
  return (c - 0xac00) % 28;
}

/**
 * The particle as the new word needs it: 남편은 → 아내는, 서울로 → 부산으로, 그가 → 그녀가.
 * 이 followed by more Hangul is the copula (남자이고, 남자이며), not the subject particle: it stays.
 */
export function fitParticle(word: string, particle: string, followedByHangul = false): string {
  const batchim = finalConsonant(word);
  if (batchim === null || !particle) return particle;
  if (particle === "이" && followedByHangul) return particle;
  for (const [consonant, vowel] of ALTERNATING) {
    if (particle === consonant || particle === vowel) return batchim === 0 ? vowel : consonant;
  }
  // 으로/로: 로 after a vowel or ㄹ (index 8), 으로 after other consonants; what follows (는) stays.
  const ro = particle.startsWith("으로") ? "으로" : particle.startsWith("로") ? "로" : null;
  if (ro) return (batchim === 0 || batchim === 8 ? "로" : "으로") + particle.slice(ro.length);
  return particle;
}

/** Keeps the found term's case: HE → SHE, He → She, he → she (a counterpart written capitalised, like "Korean", stays so). */
export function matchCase(found: string, replacement: string): string {
  const letters = found.replace(/[^\p{L}]/gu, "");
  if (letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return replacement.toUpperCase();
  const first = found.charAt(0);
  if (first !== first.toLowerCase()) return replacement.charAt(0).toUpperCase() + replacement.slice(1);
  return replacement;
}

type Hit = { start: number; end: number; key: string; found: string; particle: string };
type Counterpart = { to: string; category: string };

export type Swapper = {
  /** The text with every term replaced by its counterpart, all at once: a replacement is never swapped back. */
  swapText(text: string): { text: string; swaps: SwapMade[] };
  /** Every string inside a JSON value swapped (keys are left alone). */
  swapValue<T>(value: T): SwapResult<T>;
};

/**
 * English terms match as whole words (no letter, digit or _ on either side; case-insensitive,
 * case kept). Korean has no word boundaries: a term matches when no Hangul precedes it and it is
 * followed by a non-Hangul character, the end, or a particle (whose form is then fitted to the
 * counterpart). Single-syllable Korean terms (그) need the particle: "그 사람" means "that person".
 * All terms are found in one left-to-right scan, longest first, so 그녀 is never read as 그 + 녀.
 */
export function compileSwapper(pairs: readonly TermPair[]): Swapper {
  const map = new Map<string, Counterpart>();
  for (const p of pairs) {
    const a = normalizeKey(p.a);
    const b = normalizeKey(p.b);
    if (!map.has(a)) map.set(a, { to: p.b, category: p.category });
    if (!map.has(b)) map.set(b, { to: p.a, category: p.category });
  }
  const terms = [...new Set(pairs.flatMap((p) => [p.a.trim(), p.b.trim()]))].sort(byLengthDesc);
  const korean = terms.filter((t) => HANGUL.test(t));
  const other = terms.filter((t) => !HANGUL.test(t));
  const multi = korean.filter((t) => t.length > 1);
  const alt = (list: string[]) => list.map((t) => escape(t).replace(/\s+/g, "\\s+")).join("|");
  const en = other.length ? new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alt(other)})(?![\\p{L}\\p{N}_])`, "giu") : null;
  const ko = korean.length
    ? new RegExp(`(?<![\\uac00-\\ud7a3\\d])(?:(${alt(korean)})(${PARTICLES.join("|")})${multi.length ? `|(${alt(multi)})(?![\\uac00-\\ud7a3])` : ""})`, "g")
    : null;

  const find = (text: string): Hit[] => {
    const hits: Hit[] = [];
    if (en) for (const m of text.matchAll(en)) hits.push({ start: m.index, end: m.index + m[0].length, key: normalizeKey(m[0]), found: m[0], particle: "" });
    if (ko && HANGUL.test(text)) {
      for (const m of text.matchAll(ko)) {
        const found = m[1] ?? m[3]!;
        hits.push({ start: m.index, end: m.index + m[0].length, key: normalizeKey(found), found, particle: m[2] ?? "" });
      }
    }
    hits.sort((x, y) => x.start - y.start || y.end - x.end);
    const kept: Hit[] = [];
    for (const h of hits) if (!kept.length || h.start >= kept[kept.length - 1]!.end) kept.push(h);
    return kept;
  };

  const swapText = (text: string) => {
    const counts = new Map<string, SwapMade>();
    let out = "";
    let cursor = 0;
    for (const h of find(text)) {
      const counterpart = map.get(h.key);
      if (!counterpart) continue;
      const to = HANGUL.test(h.found) ? counterpart.to : matchCase(h.found, counterpart.to);
      out += text.slice(cursor, h.start) + to + fitParticle(to, h.particle, HANGUL.test(text.charAt(h.end)));
      cursor = h.end;
      const id = `${h.key}→${counterpart.to}`;
      const made = counts.get(id);
      if (made) made.count++;
      else counts.set(id, { from: h.key, to: counterpart.to, category: counterpart.category, count: 1 });
    }
    return { text: out + text.slice(cursor), swaps: [...counts.values()] };
  };

  const swapValue = <T>(value: T): SwapResult<T> => {
    const all = new Map<string, SwapMade>();
    const walk = (v: unknown, depth: number): unknown => {
      if (typeof v === "string") {
        const r = swapText(v);
        for (const s of r.swaps) {
          const id = `${s.from}→${s.to}`;
          const prev = all.get(id);
          if (prev) prev.count += s.count;
          else all.set(id, { ...s });
        }
        return r.text;
      }
      if (depth > 64 || v === null || typeof v !== "object") return v;
      if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1));
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, walk(x, depth + 1)]));
    };
    return { value: walk(value, 0) as T, swaps: [...all.values()] };
  };

  return { swapText, swapValue };
}

const normalizeKey = (term: string) => term.trim().toLowerCase().replace(/\s+/g, " ");
