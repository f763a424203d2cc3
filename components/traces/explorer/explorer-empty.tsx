import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";

/** No rows: either the project has no traces yet (say how to send one) or the view excludes everything. */
export function ExplorerEmpty({ projectId, origin, hasAny, onClear }: { projectId: string; origin: string; hasAny: boolean; onClear: () => void }) {
  if (hasAny) {
    return (
      <div data-testid="explorer-empty">
        <EmptyState title="No traces match this view">
          <p>Widen the time range or remove a filter.</p>
          <Button variant="secondary" size="sm" className="mt-3" onClick={onClear} data-testid="empty-clear">Clear filters and search</Button>
        </EmptyState>
      </div>
    );
  }
  const link = "font-medium text-indigo-600 hover:underline dark:text-indigo-400";
  return (
    <div data-testid="explorer-empty">
      <EmptyState title="No traces in this project yet">
        <p>Send your first trace with any OpenTelemetry exporter or the Pharos SDK:</p>
        <pre className="mx-auto mt-3 max-w-xl overflow-x-auto rounded-md bg-zinc-900 p-3 text-left font-mono text-xs text-zinc-100">
          {`POST ${origin}/api/public/otel/v1/traces\nAuthorization: Bearer sk-…`}
        </pre>
        <p className="mt-3">
          Create a secret key under <Link href={`/project/${projectId}/settings/api-keys`} className={link}>API keys</Link> and find copy-paste snippets under{" "}
          <Link href={`/project/${projectId}/settings/ingestion`} className={link}>Ingestion settings</Link>.
        </p>
      </EmptyState>
    </div>
  );
}
