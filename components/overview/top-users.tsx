import { Card, EmptyState, Skeleton } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { formatCost } from "@/lib/format/format-cost";
import { formatCount } from "@/lib/format/format-count";
import type { TopUser } from "@/lib/queries/metrics/keys";

/** The users (or tenants) who cost the most in the range. Not narrowed by the filters: the endpoint takes only the range. */
export function TopUsers({ users, error }: { users: TopUser[] | undefined; error?: string }) {
  return (
    <div data-testid="top-users">
      <Card title="Top users by cost" description="Traces with a user id, over the selected range">
        {error ? (
          <p className="text-sm text-red-600">{`Could not load top users: ${error}`}</p>
        ) : !users ? (
          <Skeleton className="h-24 w-full" />
        ) : users.length === 0 ? (
          <EmptyState title="No traces with a user id in this range">Set a user id on your traces to see who drives cost.</EmptyState>
        ) : (
          <Table head={["User", "Traces", "Input tokens", "Output tokens", "Errors", "Cost"]}>
            {users.map((u) => (
              <tr key={u.userId} data-testid="top-users-row">
                <Td className="max-w-[16rem] truncate font-mono text-xs"><span title={u.userId}>{u.userId}</span></Td>
                <Td className="tabular-nums">{formatCount(u.traces)}</Td>
                <Td className="tabular-nums">{formatCount(u.inputTokens)}</Td>
                <Td className="tabular-nums">{formatCount(u.outputTokens)}</Td>
                <Td className={u.errors > 0 ? "tabular-nums text-red-600 dark:text-red-400" : "tabular-nums"}>{formatCount(u.errors)}</Td>
                <Td className="font-medium tabular-nums">{formatCost(u.cost)}</Td>
              </tr>
            ))}
          </Table>
        )}
      </Card>
    </div>
  );
}
