/**
 * A faithfulness score's details (faithfulness.ts) as the trace view and the inbox show them
 * (pure, client-safe): each sentence of the answer with its statements and verdicts, marked
 * unsupported when any of its statements is, and the passages that were checked. Details
 * that do not have this shape (another evaluator, an older score) give null.
 */
export type FaithfulnessPassage = { position: number; id: string | null; content: string };
export type FaithfulnessStatement = { text: string; supported: boolean; reason: string; tier: string; bestPassage: number | null };
export type FaithfulnessSentence = { index: number; text: string; unsupported: boolean; statements: FaithfulnessStatement[] };
export type FaithfulnessView = { sentences: FaithfulnessSentence[]; passages: FaithfulnessPassage[]; unsupportedCount: number; statementCount: number };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

export function faithfulnessView(details: unknown): FaithfulnessView | null {
  if (!isObj(details) || !Array.isArray(details.sentences) || !Array.isArray(details.statements)) return null;
  const sentences: FaithfulnessSentence[] = details.sentences.map((text, i) => ({ index: i + 1, text: String(text), unsupported: false, statements: [] }));
  let statementCount = 0;
  let unsupportedCount = 0;
  for (const s of details.statements) {
    if (!isObj(s) || typeof s.text !== "string" || typeof s.supported !== "boolean") continue;
    const sentence = sentences[(typeof s.sentence === "number" ? s.sentence : 0) - 1];
    if (!sentence) continue;
    statementCount++;
    if (!s.supported) {
      unsupportedCount++;
      sentence.unsupported = true;
    }
    sentence.statements.push({
      text: s.text, supported: s.supported, reason: typeof s.reason === "string" ? s.reason : "", tier: typeof s.tier === "string" ? s.tier : "cheap",
      bestPassage: typeof s.bestPassage === "number" ? s.bestPassage : null,
    });
  }
  const passages = Array.isArray(details.passages)
    ? details.passages.flatMap((p, i) => (isObj(p) && typeof p.content === "string" ? [{ position: typeof p.position === "number" ? p.position : i, id: typeof p.id === "string" ? p.id : null, content: p.content }] : []))
    : [];
  return { sentences, passages, unsupportedCount, statementCount };
}

/** The unsupported statements, in answer order: what the inbox lists. */
export const unsupportedStatements = (view: FaithfulnessView) =>
  view.sentences.flatMap((s) => s.statements.filter((st) => !st.supported).map((st) => ({ sentence: s.index, text: st.text, reason: st.reason, bestPassage: st.bestPassage })));
