"use client";
import { ArrowLeftRight } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, Skeleton } from "@/components/ui/card";
import { FieldError, Label, Select } from "@/components/ui/input";
import type { PromptDetail } from "@/lib/queries/prompts/keys";
import { usePromptDiffQuery } from "@/lib/queries/prompts/use-prompt-diff-query";
import { labelsOf } from "./label-badges";
import { VersionDiff } from "./version-diff";

type Props = { projectId: string; detail: PromptDetail; from: number; to: number; onChange: (pair: { from: number; to: number }) => void };

/** Any two versions (`?from=&to=`), template and config side by side. */
export function DiffTab({ projectId, detail, from, to, onChange }: Props) {
  const diff = usePromptDiffQuery(projectId, detail.prompt.id, from, to);
  const option = (v: number) => {
    const labels = labelsOf(v, detail.labels);
    return <option key={v} value={v}>v{v}{labels.length ? ` (${labels.join(", ")})` : ""}</option>;
  };
  const versions = detail.versions.map((v) => v.version);
  return (
    <Card>
      <div className="mb-4 flex flex-wrap items-end gap-2">
        <div>
          <Label htmlFor="diff-from">From</Label>
          <Select id="diff-from" className="w-auto min-w-44" value={from} onChange={(e) => onChange({ from: Number(e.target.value), to })}>{versions.map(option)}</Select>
        </div>
        <Button variant="ghost" aria-label="Swap versions" title="Swap" onClick={() => onChange({ from: to, to: from })}><ArrowLeftRight className="size-4" /></Button>
        <div>
          <Label htmlFor="diff-to">To</Label>
          <Select id="diff-to" className="w-auto min-w-44" value={to} onChange={(e) => onChange({ from, to: Number(e.target.value) })}>{versions.map(option)}</Select>
        </div>
      </div>
      {diff.isPending ? <Skeleton className="h-64 w-full" /> : diff.isError ? <FieldError>{diff.error.message}</FieldError> : (
        <VersionDiff from={diff.data.from} to={diff.data.to} fromLabel={`v${from}`} toLabel={`v${to}`} />
      )}
    </Card>
  );
}
