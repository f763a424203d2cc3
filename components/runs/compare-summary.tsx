import { Card } from "@/components/ui/card";
import { formatRate } from "@/lib/format/format-percent";
import type { RunsComparisonResponse } from "@/lib/queries/runs/keys";
import { formatP, runLabel, significance } from "./prepare-runs";

const TONE = { better: "text-emerald-700 dark:text-emerald-400", worse: "text-red-700 dark:text-red-400", "no significant change": "text-zinc-500", "not enough pairs": "text-zinc-400" };

/** Per later run against the baseline: pass rates with exact McNemar, and each evaluator's means with Wilcoxon signed-rank. */
export function CompareSummary({ comparison }: { comparison: RunsComparisonResponse }) {
  const byId = new Map(comparison.runs.map((r) => [r.id, r]));
  return (
    <Card title="Significance" description="Paired over the items both runs scored. Pass/fail: exact McNemar on the items that changed. Scores: Wilcoxon signed-rank. Read at α = 0.05.">
      <div className="overflow-x-auto">
        <table data-testid="compare-summary" className="w-full text-left text-sm">
          <thead className="text-xs uppercase tracking-wide text-zinc-500">
            <tr><th className="py-1 font-medium">Against baseline</th><th className="font-medium">Measure</th><th className="font-medium">Baseline</th><th className="font-medium">This run</th><th className="font-medium">Changed</th><th className="font-medium">Test</th><th className="font-medium">Verdict</th></tr>
          </thead>
          <tbody>
            {comparison.comparisons.map((c) => {
              const run = byId.get(c.runId)!;
              const passVerdict = significance(c.mcnemar.pValue, c.mcnemar.improved - c.mcnemar.regressed);
              return [
                <tr key={c.runId} className="border-t border-zinc-200 dark:border-zinc-800">
                  <td className="py-1.5 font-medium">{runLabel(run)} <span className="text-xs font-normal text-zinc-500">({c.pairs} pairs)</span></td>
                  <td>pass rate</td>
                  <td className="tabular-nums">{formatRate(c.baselinePassRate)}</td>
                  <td className="tabular-nums">{formatRate(c.passRate)}</td>
                  <td className="tabular-nums text-xs"><span className="text-red-700 dark:text-red-400">{c.mcnemar.regressed} regressed</span> · <span className="text-emerald-700 dark:text-emerald-400">{c.mcnemar.improved} improved</span></td>
                  <td className="text-xs">McNemar {formatP(c.mcnemar.pValue)}</td>
                  <td className={`text-xs font-medium ${TONE[passVerdict]}`}>{passVerdict}</td>
                </tr>,
                ...c.evaluators.map((e) => {
                  const v = significance(e.wilcoxon.pValue, e.wilcoxon.wPlus - e.wilcoxon.wMinus);
                  return (
                    <tr key={`${c.runId}-${e.key}`} className="border-t border-zinc-100 dark:border-zinc-800">
                      <td />
                      <td className="font-mono text-xs">{e.key}</td>
                      <td className="tabular-nums">{e.baselineMean === null ? "—" : e.baselineMean.toFixed(3)}</td>
                      <td className="tabular-nums">{e.mean === null ? "—" : e.mean.toFixed(3)}</td>
                      <td className="tabular-nums text-xs">{e.wilcoxon.n} of {e.pairs} scores moved</td>
                      <td className="text-xs">Wilcoxon {formatP(e.wilcoxon.pValue)}</td>
                      <td className={`text-xs font-medium ${TONE[v]}`}>{v}</td>
                    </tr>
                  );
                }),
              ];
            })}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
