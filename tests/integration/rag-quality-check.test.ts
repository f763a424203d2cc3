// The plumbing of `npm run eval:rag-check` against the fake provider (it needs a real model to
// measure anything): the labelled set goes through the faithfulness evaluator over HTTP, and the
// report's counts follow from what the fake judge answered; without a model it refuses to run.
import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runCheck } from "../../scripts/eval-rag-check";
import { type FakeLlm, startFakeLlm } from "../support/fake-llm";
import { fakeRagJudge, RAG_TASK } from "../support/fake-rag-judge";

let llm: FakeLlm;
beforeAll(async () => {
  llm = await startFakeLlm({ models: ["judge"] });
});
afterAll(() => llm.close());
beforeEach(() => llm.reset());

const fixture = [
  { id: "en-a", lang: "en", question: "Refunds?", contexts: ["Refunds take 5 days. Shipping is free."], answer: "Refunds take 5 days. You get a coupon.", unsupported: ["You get a coupon."] },
  { id: "en-b", lang: "en", question: "Shipping?", contexts: ["Refunds take 5 days. Shipping is free."], answer: "Shipping is free.", unsupported: [] },
  { id: "ko-a", lang: "ko", question: "환불?", contexts: ["환불은 5일 걸립니다."], answer: "환불은 5일 걸립니다. 쿠폰을 드립니다.", unsupported: ["쿠폰을 드립니다."] },
];

describe("eval:rag-check", () => {
  it("scores each labelled triple with the faithfulness evaluator and reports agreement overall and per language", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "rag-check-"));
    const file = path.join(dir, "triples.jsonl");
    await writeFile(file, fixture.map((f) => JSON.stringify(f)).join("\n"));
    // The fake judge agrees with the labels except on "Shipping is free", which it wrongly rejects.
    llm.script({ when: { contains: RAG_TASK }, reply: fakeRagJudge({ lie: { model: "judge", items: ["Shipping is free"] } }) });
    const report = await runCheck({ baseUrl: llm.url, apiKey: "sk-check", model: "judge", file, concurrency: 2 });
    expect(report.rows.map((r) => [r.id, r.predicted, r.score])).toEqual([["en-a", [false, true], 0.5], ["en-b", [true], 0], ["ko-a", [false, true], 0.5]]);
    // Sentences: TP 2 (the coupons), FP 1 (shipping), TN 2, FN 0.
    expect(report.overall).toMatchObject({ triples: 3, scored: 3, errors: 0, sentences: 5, truePositives: 2, falsePositives: 1, trueNegatives: 2, falseNegatives: 0, precision: 2 / 3, recall: 1, calls: 6 });
    expect(report.byLang.ko).toMatchObject({ triples: 1, truePositives: 1, falsePositives: 0, precision: 1, recall: 1, kappa: 1 });
    expect(report.byLang.en).toMatchObject({ triples: 2, falsePositives: 1 });
  });

  it("runs over the shipped set, counting an unusable answer as an error rather than a score", async () => {
    llm.script({ times: 2, when: { contains: "task: statements" }, reply: { content: "not json" } });
    llm.script({ when: { contains: RAG_TASK }, reply: fakeRagJudge() });
    const report = await runCheck({ baseUrl: llm.url, apiKey: null, model: "judge", limit: 6, concurrency: 1 });
    expect(report.overall).toMatchObject({ triples: 6, errors: 1, scored: 5 });
    expect(report.rows[0]!.error).toMatch(/^judge error/);
    expect(Object.keys(report.byLang)).toEqual(["en"]);
  });

  it("refuses to run without a model, saying how to configure one", async () => {
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("PHAROS_RAG_CHECK_"))) as NodeJS.ProcessEnv;
    const run = promisify(execFile)(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/eval-rag-check.ts"], { env, cwd: path.resolve(import.meta.dirname, "../..") });
    await expect(run).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/PHAROS_RAG_CHECK_BASE_URL/) });
  });
});
