import { Skeleton } from "@/components/ui/card";
import { formatMetric } from "@/lib/format/format-metric";
import { compare } from "@/lib/metrics/prepare-overview";
import type { MetricPoint } from "@/lib/schemas/metrics";
import { DeltaText } from "./delta-text";
import { STAT_TILES } from "./stat-tile-definitions";

/** Headline totals for the range, each against the previous period. */
export function StatTiles({ current, previous }: { current: MetricPoint | undefined; previous: MetricPoint | undefined }) {
  return (
    <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5" data-testid="overview-stats">
      {STAT_TILES.map((tile) => {
        const value = compare(current, previous, tile.pick);
        return (
          <div key={tile.key} className="rounded-lg border border-zinc-200 bg-white px-4 py-3 dark:border-zinc-800 dark:bg-zinc-900">
            <p className="text-xs font-medium text-zinc-500">{tile.label}</p>
            {current ? (
              // The value never breaks ("2.52 / s"); when the tile is narrow the change moves under it instead.
              <div className="mt-1 flex flex-wrap items-baseline gap-x-2">
                <span className="whitespace-nowrap text-xl font-semibold tabular-nums">{formatMetric(value.current, tile.kind)}</span>
                <DeltaText delta={value.delta} kind={tile.kind} better={tile.better} className="whitespace-nowrap" />
              </div>
            ) : (
              <Skeleton className="mt-2 h-6 w-20" />
            )}
          </div>
        );
      })}
    </div>
  );
}
