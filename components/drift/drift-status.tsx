import { Card } from "@/components/ui/card";
import { FieldError } from "@/components/ui/input";
import { type DriftReportSummary, isComputing } from "@/lib/queries/drift/keys";

/** How the latest report is getting on: its progress while it computes, its error if it failed. */
export function DriftStatus({ latest }: { latest: DriftReportSummary | undefined }) {
  return (
    <>
      {isComputing(latest?.status) && (
        <Card>
          <div data-testid="drift-progress" className="space-y-2">
            <p className="text-sm">{latest!.status === "queued" ? "Waiting for the worker…" : `Computing drift report… ${Math.round(latest!.progress * 100)}%`}</p>
            <div className="h-2 w-full overflow-hidden rounded bg-zinc-100 dark:bg-zinc-800"><div className="h-full bg-indigo-500 transition-all" style={{ width: `${Math.max(4, latest!.progress * 100)}%` }} /></div>
          </div>
        </Card>
      )}
      {latest?.status === "failed" && <Card><FieldError>{`The last report failed: ${latest.error ?? "unknown error"}`}</FieldError></Card>}
    </>
  );
}
