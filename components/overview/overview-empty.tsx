import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";

/** No LLM calls in the range: either nothing was sent yet (say how) or the filters exclude everything. */
export function OverviewEmpty({ projectId, origin, filtered, onClearFilters }: { projectId: string; origin: string; filtered: boolean; onClearFilters: () => void }) {
  if (filtered) {
    return (
      <div data-testid="overview-empty">
        <EmptyState title="No LLM calls match these filters in this range">
          <Button variant="secondary" size="sm" className="mt-3" onClick={onClearFilters}>Clear filters</Button>
        </EmptyState>
      </div>
    );
  }
  const link = "font-medium text-indigo-600 hover:underline dark:text-indigo-400";
  return (
    <div data-testid="overview-empty">
      <EmptyState title="No LLM calls in this range yet">
        <p>Send your first trace with any OpenTelemetry exporter or the Pharos SDK:</p>
        <pre className="mx-auto mt-3 max-w-xl overflow-x-auto rounded-md bg-zinc-900 p-3 text-left font-mono text-xs text-zinc-100">
          {`POST ${origin}/api/public/otel/v1/traces\nAuthorization: Bearer sk-…`}
        </pre>
        <p className="mt-3">
          Create a secret key under{" "}
          <Link href={`/project/${projectId}/settings/api-keys`} className={link}>API keys</Link>
          {" "}and find copy-paste snippets under{" "}
          <Link href={`/project/${projectId}/settings/ingestion`} className={link}>Ingestion settings</Link>. Or widen the time range.
        </p>
      </EmptyState>
    </div>
  );
}
