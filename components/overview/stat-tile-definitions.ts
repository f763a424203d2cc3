import { BREAKDOWN_COLUMNS, type MetricColumn } from "@/lib/metrics/prepare-overview";

/** The headline tiles, in reading order: the breakdown's columns plus total cost, which a per-group table cannot show. */
export const STAT_TILES = [
  BREAKDOWN_COLUMNS[0],
  { key: "cost", label: "Cost", kind: "cost", better: "lower", pick: (p) => p.cost },
  BREAKDOWN_COLUMNS[1],
  BREAKDOWN_COLUMNS[4],
  BREAKDOWN_COLUMNS[3],
] as const satisfies readonly MetricColumn[];
