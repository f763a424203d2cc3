import { Card, EmptyState, Skeleton } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { formatMetric } from "@/lib/format/format-metric";
import { BREAKDOWN_COLUMNS, type BreakdownRow } from "@/lib/metrics/prepare-overview";
import { DeltaText } from "./delta-text";

/** This period against the previous one, per model or prompt version; a cell shows the value, its change and, on hover, the old value. */
export function BreakdownTable({ title, keyLabel, rows, testId }: { title: string; keyLabel: string; rows: BreakdownRow[] | undefined; testId: string }) {
  return (
    // min-w-0: as a grid item this would otherwise grow to the table's width and push the page sideways;
    // with it, the table scrolls inside its card (Table wraps it in overflow-x-auto).
    <div data-testid={testId} className="min-w-0">
      <Card title={title} description="This period, with the change against the previous period of the same length">
        {!rows ? (
          <Skeleton className="h-24 w-full" />
        ) : rows.length === 0 ? (
          <EmptyState title={`No ${keyLabel.toLowerCase()} data in this range`} />
        ) : (
          <Table head={[keyLabel, ...BREAKDOWN_COLUMNS.map((c) => <span key={c.key} className="block text-right">{c.label}</span>)]}>
            {rows.map((row) => (
              <tr key={row.key} data-testid={`${testId}-row`}>
                <Td className="max-w-[16rem] truncate font-medium">
                  <span title={row.label}>{row.label}</span>
                </Td>
                {BREAKDOWN_COLUMNS.map((col, i) => {
                  const cell = row.cells[i];
                  return (
                    <Td key={col.key} className="whitespace-nowrap text-right tabular-nums">
                      {/* Change beside the value on wide screens, under it on narrower ones, so the table fits its card. */}
                      <div className="flex flex-col items-end xl:flex-row xl:items-baseline xl:justify-end">
                        <span title={cell?.previous === null || !cell ? "No data in the previous period" : `Previous: ${formatMetric(cell.previous, col.kind)}`}>
                          {formatMetric(cell?.current ?? null, col.kind)}
                        </span>
                        <DeltaText delta={cell?.delta ?? null} kind={col.kind} better={col.better} className="xl:ml-2 xl:inline-block xl:w-14 xl:text-right" />
                      </div>
                    </Td>
                  );
                })}
              </tr>
            ))}
          </Table>
        )}
      </Card>
    </div>
  );
}
