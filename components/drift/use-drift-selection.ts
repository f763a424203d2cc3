import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useDriftReportQuery } from "@/lib/queries/drift/use-drift-report-query";
import { useDriftReportsQuery } from "@/lib/queries/drift/use-drift-reports-query";
import { useDriftSourcesQuery } from "@/lib/queries/drift/use-drift-sources-query";
import { readFilters, sameFilters } from "./drift-filter-bar";

/**
 * What the drift page shows, all from the URL (field, embedding model, span filters, report)
 * with defaults from the data: the first configured field, its first model, the latest done report.
 */
export function useDriftSelection(projectId: string) {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const sources = useDriftSourcesQuery(projectId);
  const field = search.get("field") ?? sources.data?.settings.fields[0] ?? "input";
  const pairs = (sources.data?.sources ?? []).filter((s) => s.field === field);
  const model = search.get("model") ?? pairs[0]?.model;
  const filters = readFilters(search);
  const reports = useDriftReportsQuery(projectId, field, model);
  // Reports whose span filters are the ones in the URL (none = the scheduled, unfiltered reports).
  const matching = (reports.data ?? []).filter((r) => sameFilters(r.filters, filters));
  const latest = matching[0];
  const selectedId = search.get("report") ?? matching.find((r) => r.status === "done")?.id ?? null;
  const report = useDriftReportQuery(projectId, selectedId);

  const setParams = (next: Record<string, string | null>) => {
    const params = new URLSearchParams(search.toString());
    for (const [k, v] of Object.entries(next)) (v === null ? params.delete(k) : params.set(k, v));
    router.replace(`${pathname}?${params.toString()}`, { scroll: false });
  };
  return { sources, reports, report, field, pairs, model, filters, latest, selectedId, setParams };
}
