import type { ReactNode } from "react";
import { Card, Skeleton } from "@/components/ui/card";

/** A titled chart slot that shows a skeleton of the chart's height until its data arrives. */
export function ChartCard({ title, description, testId, loading, className, children }: { title: string; description?: string; testId: string; loading: boolean; className?: string; children: ReactNode }) {
  return (
    <div data-testid={testId} className={className}>
      <Card title={title} description={description} className="h-full">
        {loading ? <Skeleton className="h-[180px] w-full" /> : children}
      </Card>
    </div>
  );
}
