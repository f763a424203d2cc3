import { Input, Select } from "@/components/ui/input";
import type { OverviewState } from "./overview-url-state";
import { fromLocalInput, RANGE_PRESETS, type RangeChoice, type ResolvedRange, toLocalInput } from "./range-presets";

const LABELS: Record<RangeChoice, string> = { "1h": "Last hour", "24h": "Last 24 hours", "7d": "Last 7 days", "30d": "Last 30 days", custom: "Custom range" };

/** Preset ranges follow "now"; switching to custom starts from the range currently shown. */
export function RangePicker({ state, resolved, onChange }: { state: OverviewState; resolved: ResolvedRange; onChange: (next: OverviewState) => void }) {
  function choose(range: RangeChoice) {
    if (range === "custom") onChange({ ...state, range, from: resolved.from.toISOString(), to: resolved.to.toISOString() });
    else onChange({ range, filters: state.filters });
  }
  function setBound(which: "from" | "to", value: string) {
    const iso = fromLocalInput(value);
    if (!iso || !state.from || !state.to) return;
    const next = { ...state, [which]: iso };
    if (Date.parse(next.to!) > Date.parse(next.from!)) onChange(next);
  }
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Select aria-label="Time range" data-testid="overview-range" className="h-8 w-auto text-xs" value={state.range} onChange={(e) => choose(e.target.value as RangeChoice)}>
        {[...RANGE_PRESETS, "custom" as const].map((r) => (
          <option key={r} value={r}>{LABELS[r]}</option>
        ))}
      </Select>
      {state.range === "custom" && state.from && state.to && (
        <>
          <Input type="datetime-local" aria-label="From" data-testid="overview-from" className="h-8 w-auto text-xs" value={toLocalInput(state.from)} max={toLocalInput(state.to)} onChange={(e) => setBound("from", e.target.value)} />
          <span className="text-xs text-zinc-400">to</span>
          <Input type="datetime-local" aria-label="To" data-testid="overview-to" className="h-8 w-auto text-xs" value={toLocalInput(state.to)} min={toLocalInput(state.from)} onChange={(e) => setBound("to", e.target.value)} />
        </>
      )}
    </div>
  );
}
