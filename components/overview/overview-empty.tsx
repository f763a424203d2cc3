import { Button } from "@/components/ui/button";
import { SendFirstTrace } from "@/components/projects/send-first-trace";
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
  return (
    <div data-testid="overview-empty">
      <EmptyState title="No LLM calls in this range yet">
        <SendFirstTrace projectId={projectId} origin={origin} hint="Or widen the time range." />
      </EmptyState>
    </div>
  );
}
