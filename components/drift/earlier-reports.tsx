import Link from "next/link";
import { Badge, Card } from "@/components/ui/card";
import type { DriftReportSummary } from "@/lib/queries/drift/keys";

type Props = { reports: DriftReportSummary[] | undefined; field: string; model: string | undefined; selectedId: string | null };

/** Every report for this field and model, linked, with its verdict; only worth showing once there is more than one. */
export function EarlierReports({ reports, field, model, selectedId }: Props) {
  if ((reports?.length ?? 0) <= 1) return null;
  return (
    <Card title="Earlier reports">
      <ul className="space-y-1 text-sm">
        {reports!.map((r) => (
          <li key={r.id} className="flex items-center gap-2">
            <Link href={`?${new URLSearchParams({ field, ...(model ? { model } : {}), report: r.id }).toString()}`} className={r.id === selectedId ? "font-semibold" : "text-indigo-600 hover:underline dark:text-indigo-400"}>
              {new Date(r.createdAt).toISOString().slice(0, 16).replace("T", " ")} · {r.granularity}
            </Link>
            <Badge tone={r.status === "failed" ? "red" : r.drifted ? "red" : r.status === "done" ? "green" : "amber"}>{r.status === "done" ? (r.drifted ? "drift" : "no drift") : r.status}</Badge>
          </li>
        ))}
      </ul>
    </Card>
  );
}
