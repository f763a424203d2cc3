/**
 * The RAG quality check's pure parts (scripts/eval-rag-check.ts): reading the hand-labelled set
 * and measuring how well the faithfulness evaluator agrees with the labels. A label marks whole
 * answer sentences as unsupported; the evaluator marks a sentence unsupported when any statement
 * it split from that sentence was judged unsupported (lib/evaluators/rag/faithfulness-view.ts).
 */
import { z } from "zod";
import { sentencesOf } from "../../lib/evaluators/rag/rag-text";

export const tripleSchema = z.object({
  id: z.string().min(1),
  lang: z.enum(["en", "ko"]),
  question: z.string().min(1),
  contexts: z.array(z.string().min(1)).min(1),
  answer: z.string().min(1),
  /** The answer's sentences that the contexts do not support, verbatim. */
  unsupported: z.array(z.string().min(1)),
  note: z.string().optional(),
}).strict();
export type LabelledTriple = z.infer<typeof tripleSchema> & { sentences: string[]; labels: boolean[] };

/** Every line parsed and checked: each unsupported sentence must be one of the answer's sentences (as the evaluator splits them). */
export function parseTriples(text: string): LabelledTriple[] {
  const out: LabelledTriple[] = [];
  const ids = new Set<string>();
  text.split("\n").forEach((line, i) => {
    if (!line.trim()) return;
    const parsed = tripleSchema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`line ${i + 1}: ${parsed.error.issues[0]!.path.join(".")}: ${parsed.error.issues[0]!.message}`);
    const t = parsed.data;
    if (ids.has(t.id)) throw new Error(`line ${i + 1}: id ${t.id} is used twice`);
    ids.add(t.id);
    const sentences = sentencesOf(t.answer);
    for (const u of t.unsupported) if (!sentences.includes(u)) throw new Error(`line ${i + 1} (${t.id}): "${u}" is not one of the answer's sentences`);
    out.push({ ...t, sentences, labels: sentences.map((s) => t.unsupported.includes(s)) });
  });
  return out;
}

/** One triple's outcome: the evaluator's sentence marks (null when it could not score), its score and calls. */
export type CheckRow = { triple: LabelledTriple; predicted: boolean[] | null; score: number | null; error?: string; escalated?: boolean; cost?: number | null; calls?: number };

export type Agreement = {
  triples: number; scored: number; errors: number;
  sentences: number; truePositives: number; falsePositives: number; falseNegatives: number; trueNegatives: number;
  /** Sentence level, "unsupported" as the positive class. */
  accuracy: number | null; precision: number | null; recall: number | null; f1: number | null; kappa: number | null;
  /** Mean |evaluator score − labelled share of supported sentences| over scored triples. */
  scoreMae: number | null;
  /** Triples the evaluator and the labels both call fully faithful, or both not. */
  tripleAgreement: number | null;
  escalated: number; calls: number; cost: number | null;
};

const ratio = (a: number, b: number) => (b === 0 ? null : a / b);

export function agreement(rows: readonly CheckRow[]): Agreement {
  let tp = 0, fp = 0, fn = 0, tn = 0, mae = 0, same = 0, escalated = 0, calls = 0;
  let cost: number | null = 0;
  const scored = rows.filter((r) => r.predicted !== null && r.score !== null);
  for (const r of rows) {
    calls += r.calls ?? 0;
    if (r.escalated) escalated++;
    cost = cost === null || r.cost === null || r.cost === undefined ? (r.cost === undefined ? cost : null) : cost + r.cost;
  }
  for (const r of scored) {
    r.triple.labels.forEach((gold, i) => {
      const pred = r.predicted![i] ?? false;
      if (gold && pred) tp++;
      else if (!gold && pred) fp++;
      else if (gold && !pred) fn++;
      else tn++;
    });
    const goldScore = r.triple.labels.filter((l) => !l).length / r.triple.labels.length;
    mae += Math.abs(r.score! - goldScore);
    if ((goldScore === 1) === (r.score === 1)) same++;
  }
  const n = tp + fp + fn + tn;
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  const f1 = precision !== null && recall !== null && precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : null;
  // Cohen's kappa: observed agreement against what the two marginals give by chance.
  const po = ratio(tp + tn, n);
  const pe = n ? ((tp + fp) * (tp + fn) + (fn + tn) * (fp + tn)) / (n * n) : null;
  const kappa = po !== null && pe !== null && pe < 1 ? (po - pe) / (1 - pe) : null;
  return {
    triples: rows.length, scored: scored.length, errors: rows.length - scored.length,
    sentences: n, truePositives: tp, falsePositives: fp, falseNegatives: fn, trueNegatives: tn,
    accuracy: po, precision, recall, f1, kappa,
    scoreMae: scored.length ? mae / scored.length : null, tripleAgreement: ratio(same, scored.length),
    escalated, calls, cost: cost === null ? null : Math.round(cost * 1e8) / 1e8,
  };
}

const pct = (v: number | null) => (v === null ? "—" : `${(v * 100).toFixed(1)} %`);
const num = (v: number | null) => (v === null ? "—" : v.toFixed(3));

/** The report as text: overall and per language. */
export function formatReport(byLang: Record<string, Agreement>, overall: Agreement, model: string): string {
  const rows = [["", "triples", "errors", "sentences", "precision", "recall", "F1", "kappa", "score MAE", "triple agreement"]];
  for (const [name, a] of [...Object.entries(byLang), ["all", overall] as const]) {
    rows.push([name, String(a.triples), String(a.errors), String(a.sentences), pct(a.precision), pct(a.recall), num(a.f1), num(a.kappa), num(a.scoreMae), pct(a.tripleAgreement)]);
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const table = rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c]!)).join("  ")).join("\n");
  return [
    `Faithfulness vs hand labels (${model}); positive class: an unsupported sentence`,
    table,
    `calls ${overall.calls}, escalated ${overall.escalated}, cost ${overall.cost === null ? "unpriced" : `$${overall.cost.toFixed(4)}`}`,
  ].join("\n");
}
