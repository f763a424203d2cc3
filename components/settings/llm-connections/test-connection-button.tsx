"use client";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import type { LlmConnectionRow } from "@/lib/queries/llm-connections/keys";
import { useTestLlmConnection } from "@/lib/queries/llm-connections/use-test-llm-connection";

/** "Test": one call to the endpoint; shows latency, or the provider's error as it came. */
export function TestConnectionButton({ projectId, connection }: { projectId: string; connection: LlmConnectionRow }) {
  const test = useTestLlmConnection(projectId);
  const result = test.data;
  return (
    <div className="flex items-center gap-2">
      <Button size="sm" variant="secondary" disabled={test.isPending} onClick={() => test.mutate({ connectionId: connection.id })}>
        {test.isPending ? "Testing…" : "Test"}
      </Button>
      {test.isError && <span role="alert" className="text-xs text-red-600">{test.error.message}</span>}
      {result &&
        (result.ok ? (
          <span className="text-xs text-zinc-500" data-testid="llm-test-result">
            <Badge tone="green">ok</Badge> {result.latencyMs} ms{result.models ? ` · ${result.models.length} models` : ""}
          </span>
        ) : (
          <span role="alert" className="max-w-md truncate text-xs text-red-600" title={result.error?.message} data-testid="llm-test-result">
            <Badge tone="red">{result.error?.kind ?? "failed"}</Badge> {result.error?.message}
          </span>
        ))}
    </div>
  );
}
