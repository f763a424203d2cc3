import { ShieldCheck } from "lucide-react";
import { Badge, Card } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { formatRelative } from "@/lib/format/format-date";
import type { CanaryComparison } from "@/lib/queries/prompts/keys";
import { prepareGuardRows } from "./prepare-canary-guard";

/** The guard's thresholds and where the canary stands against each; the worker checks them every minute. */
export function CanaryGuardCard({ data }: { data: CanaryComparison }) {
  const rows = prepareGuardRows(data);
  const { canary } = data;
  const checked = canary.lastCheckedAt ? `last checked ${formatRelative(canary.lastCheckedAt)}` : "not checked yet";
  return (
    <Card
      title={<span className="inline-flex items-center gap-1.5"><ShieldCheck className="h-4 w-4 text-zinc-500" aria-hidden />Guard</span>}
      description={rows.length ? `The worker ends the canary when a threshold breaks (${canary.status === "active" ? checked : `canary ${canary.status.replace("_", " ")}`}).` : undefined}
    >
      {rows.length === 0 ? (
        <p className="text-sm text-zinc-500">No guard: nothing ends this canary automatically.</p>
      ) : (
        <Table head={["Threshold", "Now", "State"]}>
          {rows.map((r) => (
            <tr key={r.key} data-testid={`guard-row-${r.key}`}>
              <Td>{r.threshold}</Td>
              <Td className="tabular-nums text-zinc-600 dark:text-zinc-400">{r.now}</Td>
              <Td><Badge tone={r.state.tone}>{r.state.text}</Badge></Td>
            </tr>
          ))}
        </Table>
      )}
    </Card>
  );
}
