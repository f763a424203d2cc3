import { Card } from "@/components/ui/card";
import type { DriftReportDetail } from "@/lib/queries/drift/keys";

const p = (v: number) => (v < 0.001 ? "< 0.001" : v.toFixed(3));

/** The two deep checks of the highlighted window: kernel MMD and a classifier two-sample test. */
export function DeepCheck({ check }: { check: NonNullable<DriftReportDetail["deepCheck"]> }) {
  const { mmd, classifier } = check;
  return (
    <Card title="Deep check (descriptive)" description="Two views of the same window beyond the centroid: do the distributions differ in shape, and can a classifier tell them apart? They run on the data that flagged the window, so read them as descriptions of the shift, not as a second, independent test.">
      <dl className="grid gap-4 text-sm sm:grid-cols-2" data-testid="drift-deep-check">
        <div>
          <dt className="text-xs text-zinc-500">RBF kernel MMD (median-heuristic bandwidth {mmd.bandwidth.toFixed(2)}, {mmd.perSide[0]} vs {mmd.perSide[1]} samples)</dt>
          <dd className="tabular-nums">MMD² = {mmd.mmd2.toFixed(4)} · permutation p {p(mmd.pValue)}</dd>
        </div>
        <div>
          <dt className="text-xs text-zinc-500">Classifier two-sample test (held-out AUC, 95 % interval)</dt>
          <dd className="tabular-nums">AUC {classifier.auc.toFixed(3)} [{classifier.low.toFixed(3)}, {classifier.high.toFixed(3)}] — {classifier.low > 0.5 ? "separable: the sets differ" : "not separable from chance"}</dd>
        </div>
      </dl>
    </Card>
  );
}
