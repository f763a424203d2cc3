import { Button } from "@/components/ui/button";
import { SendFirstTrace } from "@/components/projects/send-first-trace";
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
  return (
    <div data-testid="explorer-empty">
      <EmptyState title="No traces in this project yet">
        <SendFirstTrace projectId={projectId} origin={origin} />
      </EmptyState>
    </div>
  );
}
