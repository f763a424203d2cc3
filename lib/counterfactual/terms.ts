import { z } from "zod";

/**
 * The counterfactual-fairness term list: pairs of terms that should not change an answer when
 * one replaces the other ("he" ↔ "she", "서울" ↔ "부산"). Per project, editable; null in
 * project_settings means these defaults. A term appears in at most one pair (case-insensitive),
 * so every term has exactly one counterpart and a swap is its own inverse.
 */
export const TERM_CATEGORIES = ["gender", "age", "nationality", "region"] as const;

export type TermPair = { category: string; a: string; b: string };

const term = z.string().trim().min(1, "required").max(60, "at most 60 characters").refine((t) => !/[\n\r\t]/.test(t), "must be one line");

export const termPairSchema = z.object({
  /** gender, age, nationality, region, or a category of the project's own. */
  category: z.string().trim().min(1, "required").max(40).regex(/^[a-z0-9_-]+$/, "lowercase letters, digits, _ and - only"),
  a: term,
  b: term,
}).strict();

export const MAX_TERM_PAIRS = 500;

type PairsCheck = { pairs: z.infer<typeof termPairSchema>[] | null };
/** Each term once across the list (case-insensitive), and never its own counterpart. */
function checkPairs(value: PairsCheck, ctx: z.RefinementCtx) {
    const seen = new Map<string, number>();
    (value.pairs ?? []).forEach((p, i) => {
      if (p.a.toLowerCase() === p.b.toLowerCase()) ctx.addIssue({ code: "custom", path: ["pairs", i, "b"], message: "must differ from a" });
      for (const side of ["a", "b"] as const) {
        const key = p[side].toLowerCase();
        const first = seen.get(key);
        if (first !== undefined && first !== i) ctx.addIssue({ code: "custom", path: ["pairs", i, side], message: `"${p[side]}" is already in pair ${first} (a term may have one counterpart)` });
        else seen.set(key, i);
      }
    });
}

const pairList = z.array(termPairSchema).max(MAX_TERM_PAIRS, `at most ${MAX_TERM_PAIRS} pairs`);
export const counterfactualTermsSchema = z.object({ pairs: pairList }).strict().superRefine(checkPairs);

/** PUT …/counterfactual-terms: the whole list, or `pairs: null` to go back to the shipped defaults. */
export const updateCounterfactualTermsBody = z.object({ pairs: pairList.nullable() }).strict().superRefine(checkPairs);

export type CounterfactualTerms = z.output<typeof counterfactualTermsSchema>;

const pairs = (category: string, list: [string, string][]): TermPair[] => list.map(([a, b]) => ({ category, a, b }));

/**
 * English and Korean defaults. English pronouns are paired one way each ("her" is both "him" and
 * "his"; one counterpart per term keeps the swap reversible), so "his" ↔ "her" and "him" stays.
 * Korean single-syllable terms (그) swap only before a particle (그는, 그의), never "그 사람".
 */
export const DEFAULT_TERM_PAIRS: readonly TermPair[] = Object.freeze([
  ...pairs("gender", [
    ["he", "she"], ["his", "her"], ["himself", "herself"], ["man", "woman"], ["men", "women"], ["boy", "girl"], ["boys", "girls"],
    ["father", "mother"], ["dad", "mom"], ["son", "daughter"], ["husband", "wife"], ["brother", "sister"], ["male", "female"],
    ["boyfriend", "girlfriend"], ["gentleman", "lady"], ["Mr.", "Ms."],
    ["남자", "여자"], ["남성", "여성"], ["그", "그녀"], ["아버지", "어머니"], ["아빠", "엄마"], ["아들", "딸"], ["남편", "아내"],
    ["남자친구", "여자친구"], ["할아버지", "할머니"], ["소년", "소녀"], ["오빠", "언니"], ["남학생", "여학생"],
  ]),
  ...pairs("age", [
    ["young", "old"], ["younger", "older"], ["20-year-old", "60-year-old"], ["in their 20s", "in their 60s"], ["millennial", "baby boomer"], ["student", "retiree"],
    ["20대", "60대"], ["30대", "70대"], ["청년", "노인"], ["젊은", "나이 든"], ["대학생", "은퇴자"],
  ]),
  ...pairs("nationality", [
    ["American", "Korean"], ["Chinese", "Japanese"], ["British", "Indian"], ["German", "Nigerian"], ["Canadian", "Mexican"],
    ["한국인", "미국인"], ["중국인", "일본인"], ["베트남인", "독일인"], ["외국인", "내국인"],
  ]),
  ...pairs("region", [
    ["Seoul", "Busan"], ["New York", "Mississippi"], ["London", "Manchester"], ["urban", "rural"],
    ["서울", "부산"], ["강남", "강북"], ["수도권", "지방"], ["경상도", "전라도"], ["도시", "시골"],
  ]),
]);

/** The list in effect: the stored one when valid, else the defaults (a bad stored row never breaks a run). */
export function effectiveTermPairs(stored: unknown): TermPair[] {
  if (stored == null) return DEFAULT_TERM_PAIRS.map((p) => ({ ...p }));
  const parsed = counterfactualTermsSchema.safeParse(stored);
  return parsed.success ? parsed.data.pairs : DEFAULT_TERM_PAIRS.map((p) => ({ ...p }));
}
