"use client";
import { Database, Plus, ShieldAlert } from "lucide-react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import Link from "next/link";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, EmptyState, Skeleton } from "@/components/ui/card";
import { KeyLegend } from "@/components/ui/key-legend";
import { FieldError } from "@/components/ui/input";
import { Table, Td } from "@/components/ui/table";
import { formatDateTime, formatRelative } from "@/lib/format/format-date";
import { useDatasetMutations } from "@/lib/queries/datasets/use-dataset-mutations";
import { useDatasetsQuery } from "@/lib/queries/datasets/use-datasets-query";
import { CreateDatasetDialog } from "./create-dataset-dialog";
import { isTypingTarget } from "@/components/ui/keyboard";

export function DatasetsClient({ projectId, canEdit }: { projectId: string; canEdit: boolean }) {
  const datasets = useDatasetsQuery(projectId);
  const [creating, setCreating] = useState(false);

  // "n" opens the create dialog (not while typing in a field).
  useEffect(() => {
    if (!canEdit) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "n" && !e.metaKey && !e.ctrlKey && !isTypingTarget(e.target)) {
        e.preventDefault();
        setCreating(true);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [canEdit]);

  return (
    <div className="space-y-6">
      <div className="flex items-center justify-between">
        <div>
          <h1 className="text-xl font-semibold">Golden sets</h1>
          <p className="text-sm text-zinc-500">Cases your app must keep getting right. Items are versioned, so a regression run can pin a snapshot.</p>
          {canEdit && <KeyLegend className="mt-1" keys={[["n", "new golden set"]]} />}
        </div>
        {canEdit && (
          <div className="flex gap-2">
            <ImportRedTeamButton projectId={projectId} />
            <Button onClick={() => setCreating(true)} title="New golden set (n)">
              <Plus className="size-4" /> New golden set
            </Button>
          </div>
        )}
      </div>
      <Card>
        {datasets.isPending ? (
          <div className="space-y-2"><Skeleton className="h-8 w-full" /><Skeleton className="h-8 w-full" /><Skeleton className="h-8 w-2/3" /></div>
        ) : datasets.isError ? (
          <FieldError>{datasets.error.message}</FieldError>
        ) : datasets.data.length === 0 ? (
          <EmptyState title="No golden sets yet">
            <p className="mx-auto max-w-xl">
              A golden set is a list of real inputs with the output you expect. Open a failing trace (or an inbox item) and choose
              <strong> Promote to golden set</strong>: the input is copied, you correct the expected output, and the item links back to the trace.
              You can also create a set here and import JSONL or CSV.
            </p>
            {canEdit && <Button className="mt-4" onClick={() => setCreating(true)}><Database className="size-4" /> Create a golden set</Button>}
          </EmptyState>
        ) : (
          <Table head={["Name", "Items", "Updated", "Created"]}>
            {datasets.data.map((d) => (
              <tr key={d.id} data-testid="dataset-row" className="hover:bg-zinc-50 dark:hover:bg-zinc-800/50">
                <Td>
                  <Link href={`/project/${projectId}/datasets/${d.id}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-400">{d.name}</Link>
                  {d.description && <div className="max-w-lg truncate text-xs text-zinc-500">{d.description}</div>}
                </Td>
                <Td className="tabular-nums">{d.itemCount}</Td>
                <Td className="whitespace-nowrap text-xs text-zinc-500"><span title={formatDateTime(d.updatedAt)}>{formatRelative(d.updatedAt)}</span></Td>
                <Td className="whitespace-nowrap text-xs text-zinc-500">{formatDateTime(d.createdAt)}</Td>
              </tr>
            ))}
          </Table>
        )}
      </Card>
      <CreateDatasetDialog projectId={projectId} open={creating} onOpenChange={setCreating} />
    </div>
  );
}

/** One click: the shipped adversarial prompts (EN/KO) as the golden set "red-team"; a second click adds nothing. */
function ImportRedTeamButton({ projectId }: { projectId: string }) {
  const router = useRouter();
  const { importRedTeam } = useDatasetMutations(projectId);
  const run = () => importRedTeam.mutate(undefined, {
    onSuccess: (r) => {
      toast.success(r.template.added ? `Imported ${r.template.added} red-team prompts into "${r.name}"` : `"${r.name}" already holds all ${r.template.alreadyPresent} red-team prompts`);
      router.push(`/project/${projectId}/datasets/${r.id}`);
    },
    onError: (e) => toast.error(e.message),
  });
  return (
    <Button variant="secondary" disabled={importRedTeam.isPending} onClick={run} title="Prompt injection, jailbreak role-play, system-prompt and PII extraction, in English and Korean; score runs over it with the refusal and leak evaluators">
      <ShieldAlert className="size-4" /> {importRedTeam.isPending ? "Importing…" : "Import red-team set"}
    </Button>
  );
}
