import { Settings2 } from "lucide-react";
import Link from "next/link";
import { RunGoldenSetButton } from "@/components/runs/run-golden-set-button";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/card";
import type { DatasetRow } from "@/lib/queries/datasets/keys";

type Props = { projectId: string; dataset: DatasetRow | undefined; canEdit: boolean; onSettings: () => void };

/** Back link, the set's name and description (a skeleton until loaded), and its settings button. */
export function DatasetDetailHeader({ projectId, dataset, canEdit, onSettings }: Props) {
  return (
    <div>
      <Link href={`/project/${projectId}/datasets`} className="text-xs text-zinc-500 hover:underline">← Golden sets</Link>
      {!dataset ? <Skeleton className="mt-1 h-7 w-64" /> : (
        <>
          <div className="flex items-center gap-2">
            <h1 className="text-xl font-semibold">{dataset.name}</h1>
            {canEdit && <Button size="sm" variant="ghost" onClick={onSettings} aria-label="Golden set settings" title="Rename, describe or delete"><Settings2 className="size-4" /></Button>}
            {/* datasets:update and runs:start are granted to the same roles. */}
            {canEdit && <RunGoldenSetButton projectId={projectId} datasetId={dataset.id} />}
          </div>
          <p className="text-sm text-zinc-500">{dataset.description ?? "Inputs with the outputs you expect."} · {dataset.itemCount} current item{dataset.itemCount === 1 ? "" : "s"}</p>
        </>
      )}
    </div>
  );
}
