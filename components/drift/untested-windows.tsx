import type { DriftChartRow } from "@/lib/drift/chart/prepare-drift-chart";

/**
 * The windows the report could not test, each with why: an empty window and one whose spans were
 * still waiting for vectors look the same on the chart (a gap), but mean different things.
 */
export function UntestedWindows({ rows, waiting }: { rows: DriftChartRow[]; waiting: number }) {
  const untested = rows.filter((r) => r.note !== null);
  if (!untested.length) return null;
  return (
    <div data-testid="drift-untested" className="mt-3 space-y-1 border-t border-zinc-200 pt-3 text-xs text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
      {waiting > 0 && (
        <p className="text-amber-800 dark:text-amber-300">
          {waiting.toLocaleString("en-US")} LLM spans in these windows had no vector yet when this report was computed. The worker embeds new arrivals every 5 minutes, whatever their start time; compute again then.
        </p>
      )}
      <ul className="space-y-0.5 tabular-nums">
        {untested.map((r) => <li key={r.time}><span className="font-medium">{r.label}</span> — not tested, {r.note}</li>)}
      </ul>
    </div>
  );
}
