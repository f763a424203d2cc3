// npm run eval:rag-check — how well the faithfulness evaluator agrees with hand labels.
//
// Runs lib/evaluators/rag (the code Pharos runs in runs, online rules and the public API) on the
// labelled EN/KO set in eval/rag-quality/triples.jsonl against a real OpenAI-compatible model and
// prints sentence-level precision, recall, F1 and Cohen's kappa for "unsupported", the score's
// mean error and per-language figures. It needs a model, so it only runs when configured:
//   PHAROS_RAG_CHECK_BASE_URL      e.g. https://api.openai.com/v1 (required)
//   PHAROS_RAG_CHECK_API_KEY       the key (sent as a Bearer token; never printed)
//   PHAROS_RAG_CHECK_MODEL         default gpt-4o-mini
//   PHAROS_RAG_CHECK_STRONG_MODEL  set to run tiered (escalating uncertain statements to it)
//   PHAROS_RAG_CHECK_FILE, PHAROS_RAG_CHECK_CONCURRENCY (4), PHAROS_RAG_CHECK_LIMIT, PHAROS_RAG_CHECK_JSON (write the report there)
// See docs/rag-quality.md.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { faithfulnessView } from "../lib/evaluators/rag/faithfulness-view";
import { parseEvaluatorSpec, runEvaluator } from "../lib/evaluators/registry";
import { type Agreement, agreement, type CheckRow, formatReport, parseTriples } from "./lib/rag-agreement";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export type CheckOptions = { baseUrl: string; apiKey: string | null; model: string; strongModel?: string; file?: string; concurrency?: number; limit?: number; timeoutMs?: number };
export type CheckReport = { model: string; strongModel: string | null; overall: Agreement; byLang: Record<string, Agreement>; rows: { id: string; lang: string; score: number | null; predicted: boolean[] | null; labels: boolean[]; error?: string }[] };

export async function runCheck(options: CheckOptions): Promise<CheckReport> {
  const triples = parseTriples(await readFile(options.file ?? path.join(ROOT, "eval/rag-quality/triples.jsonl"), "utf8")).slice(0, options.limit);
  const spec = parseEvaluatorSpec({ type: "faithfulness", ...(options.strongModel ? { escalation: { model: options.strongModel } } : {}) });
  const judge = { endpoint: { baseUrl: options.baseUrl, apiKey: options.apiKey }, model: options.model, timeoutMs: options.timeoutMs ?? 60_000, retry: { maxAttempts: 3 } };
  const rows: CheckRow[] = new Array(triples.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 4, triples.length) }, async () => {
    while (next < triples.length) {
      const i = next++;
      const t = triples[i]!;
      const r = await runEvaluator(spec, { input: t.question, output: t.answer, contexts: t.contexts }, { judge });
      const view = faithfulnessView(r.details);
      const tiered = r.details?.tiered as { escalated?: boolean } | undefined;
      // Sentences as the evaluator saw them are the labels' sentences (the same splitter); a mismatch counts as an error.
      const predicted = r.score !== null && view && view.sentences.length === t.sentences.length ? view.sentences.map((s) => s.unsupported) : null;
      rows[i] = {
        triple: t, predicted, score: predicted ? r.score : null, calls: r.usage?.calls ?? 0, cost: r.usage ? r.usage.cost : 0, escalated: tiered?.escalated === true,
        ...(predicted ? {} : { error: r.score === null ? r.reason : "the evaluator split the answer into other sentences" }),
      };
    }
  }));
  const langs = [...new Set(triples.map((t) => t.lang))].sort();
  return {
    model: options.model, strongModel: options.strongModel ?? null,
    overall: agreement(rows),
    byLang: Object.fromEntries(langs.map((l) => [l, agreement(rows.filter((r) => r.triple.lang === l))])),
    rows: rows.map((r) => ({ id: r.triple.id, lang: r.triple.lang, score: r.score, predicted: r.predicted, labels: r.triple.labels, ...(r.error ? { error: r.error } : {}) })),
  };
}

async function main() {
  const baseUrl = process.env.PHAROS_RAG_CHECK_BASE_URL;
  if (!baseUrl) {
    console.error("eval:rag-check needs a real model: set PHAROS_RAG_CHECK_BASE_URL (an OpenAI-compatible API root) and PHAROS_RAG_CHECK_API_KEY, optionally PHAROS_RAG_CHECK_MODEL and PHAROS_RAG_CHECK_STRONG_MODEL. See docs/rag-quality.md.");
    process.exit(2);
  }
  const num = (v: string | undefined) => (v ? Number(v) : undefined);
  const report = await runCheck({
    baseUrl, apiKey: process.env.PHAROS_RAG_CHECK_API_KEY ?? null, model: process.env.PHAROS_RAG_CHECK_MODEL ?? "gpt-4o-mini",
    strongModel: process.env.PHAROS_RAG_CHECK_STRONG_MODEL || undefined, file: process.env.PHAROS_RAG_CHECK_FILE, concurrency: num(process.env.PHAROS_RAG_CHECK_CONCURRENCY), limit: num(process.env.PHAROS_RAG_CHECK_LIMIT),
  });
  console.log(formatReport(report.byLang, report.overall, report.strongModel ? `${report.model} → ${report.strongModel}` : report.model));
  for (const r of report.rows.filter((x) => x.error)) console.log(`  ${r.id}: not scored — ${r.error}`);
  if (process.env.PHAROS_RAG_CHECK_JSON) await writeFile(process.env.PHAROS_RAG_CHECK_JSON, `${JSON.stringify(report, null, 2)}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(`eval:rag-check failed: ${(error as Error).message}`);
    process.exit(1);
  });
}
