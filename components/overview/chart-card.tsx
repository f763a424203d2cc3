import type { ReactNode } from "react";
import { LazyMount } from "@/components/charts/lazy-mount";
import { Card, Skeleton } from "@/components/ui/card";

/**
 * A titled chart slot that shows a skeleton of the chart's height until its data arrives; `lazy` ones
 * (below the fold) also wait until scrolled near, so the first charts appear sooner.
 */
export function ChartCard({ title, description, testId, loading, lazy, height = 180, className, children }: {
  title: string; description?: string; testId: string; loading: boolean; lazy?: boolean; height?: 160 | 180; className?: string; children: ReactNode;
}) {
  const skeleton = <Skeleton className={`w-full ${height === 160 ? "h-[160px]" : "h-[180px]"}`} />;
  return (
    <div data-testid={testId} className={className}>
      <Card title={title} description={description} className="h-full">
        {loading ? skeleton : lazy ? <LazyMount placeholder={skeleton}>{children}</LazyMount> : children}
      </Card>
    </div>
  );
}
