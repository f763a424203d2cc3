"use client";
import { useState } from "react";
import { toast } from "sonner";
import { Card, Badge, Skeleton } from "@/components/ui/card";
import { Select } from "@/components/ui/input";
import { Table, Td } from "@/components/ui/table";
import { CHOICE_LABEL, type Choice } from "@/lib/queries/annotation/keys";
import { PairImportError } from "@/lib/queries/annotation/import-pairs-file";
import { useAnnotationMutations } from "@/lib/queries/annotation/use-annotation-mutations";
import { useQueuePairsQuery } from "@/lib/queries/annotation/use-queue-pairs-query";
import { promptPreview } from "./prompt-preview";

/** The queue's pairs for a lead: provenance, judgments, final label, and the gold answer to set; JSONL import. */
export function PairsCard({ projectId, queueId }: { projectId: string; queueId: string }) {
  const pairs = useQueuePairsQuery(projectId, queueId);
  const { gold, importFile } = useAnnotationMutations(projectId);
  const [lineErrors, setLineErrors] = useState<Array<{ line: number; message: string }>>([]);
  const onFile = async (file: File) => {
    setLineErrors([]);
    importFile.mutate(
      { queueId, text: await file.text() },
      {
        onSuccess: (r) => toast.success(`Imported ${r.imported} pairs`),
        onError: (e) => {
          toast.error(e.message);
          if (e instanceof PairImportError) setLineErrors(e.lines);
        },
      },
    );
  };
  return (
    <Card
      title="Pairs"
      description="Gold pairs have a known answer: they are mixed in unannounced and score each annotator's accuracy."
      actions={
        <label className="cursor-pointer rounded-md border border-zinc-300 px-2.5 py-1 text-xs font-medium hover:bg-zinc-50 dark:border-zinc-700">
          Import JSONL
          <input type="file" accept=".jsonl,.ndjson,application/x-ndjson" className="sr-only" data-testid="import-pairs" onChange={(e) => e.target.files?.[0] && void onFile(e.target.files[0])} />
        </label>
      }
    >
      <p className="mb-2 text-xs text-zinc-500">One JSON object a line: <code>{'{"prompt", "response_a", "response_b", "metadata"}'}</code>. Any bad line refuses the file, listed by line number.</p>
      {lineErrors.length > 0 && (
        <ul role="alert" className="mb-3 max-h-40 overflow-y-auto rounded-md bg-red-50 p-2 text-xs text-red-700 dark:bg-red-950 dark:text-red-300" data-testid="import-line-errors">
          {lineErrors.map((e) => <li key={e.line}>line {e.line}: {e.message}</li>)}
        </ul>
      )}
      {pairs.isPending ? (
        <Skeleton className="h-24 w-full" />
      ) : (
        <Table head={["Prompt", "Provenance", "Judgments", "Final", "Gold"]}>
          {(pairs.data?.pairs ?? []).map((p) => (
            <tr key={p.id}>
              <Td className="max-w-72 truncate">{promptPreview(p.prompt)}</Td>
              <Td className="max-w-56 truncate text-xs text-zinc-500"><Badge>{p.source}</Badge>{" "}{[...p.promptVersions, ...p.runIds.map((r) => `run ${r.slice(0, 8)}`), ...p.traceIds.map((t) => `trace ${t.slice(0, 8)}`)].join(" · ") || "—"}</Td>
              <Td className="tabular-nums">{p.judgments}</Td>
              <Td>{p.final.choice ? CHOICE_LABEL[p.final.choice] : <span className="text-zinc-400">undecided</span>}</Td>
              <Td>
                <Select aria-label="Gold answer" className="h-7 w-32 text-xs" value={p.goldChoice ?? ""} onChange={(e) => gold.mutate({ queueId, pairId: p.id, choice: (e.target.value || null) as Choice | null })}>
                  <option value="">not gold</option>
                  {(["A", "B", "tie", "both_bad"] as const).map((c) => <option key={c} value={c}>{CHOICE_LABEL[c]}</option>)}
                </Select>
              </Td>
            </tr>
          ))}
        </Table>
      )}
      {pairs.data?.nextCursor && <p className="mt-2 text-xs text-zinc-500">Showing the first 200 pairs.</p>}
    </Card>
  );
}
