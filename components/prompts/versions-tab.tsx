"use client";
import { FlaskConical, GitCompare, Pencil } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { formatDateTime, formatRelative } from "@/lib/format/format-date";
import type { PromptDetail } from "@/lib/queries/prompts/keys";
import { LabelBadge, labelsOf } from "./label-badges";

type Props = {
  detail: PromptDetail; selected: number; canEdit: boolean; nameOf: (userId: string | null, apiKey?: string | null) => string;
  onSelect: (version: number) => void; onDiff: (version: number) => void; onTry: (version: number) => void; onEdit: (version: number) => void;
};

/** The version history (newest first) beside the selected version's content. */
export function VersionsTab({ detail, selected, canEdit, nameOf, onSelect, onDiff, onTry, onEdit, children }: Props & { children: React.ReactNode }) {
  const current = detail.versions.find((v) => v.version === selected);
  return (
    <div className="grid gap-4 lg:grid-cols-[16rem_minmax(0,1fr)] xl:grid-cols-[minmax(20rem,24rem)_minmax(0,1fr)]">
      <Card className="self-start" title="History" description={`${detail.versions.length} version${detail.versions.length === 1 ? "" : "s"}, each immutable`}>
        <ol className="-m-4 max-h-[36rem] divide-y divide-zinc-100 overflow-y-auto dark:divide-zinc-800" data-testid="version-list" aria-label="Versions">
          {detail.versions.map((v) => (
            <li key={v.version}>
              <button
                type="button"
                data-testid="version-row"
                data-version={v.version}
                aria-selected={v.version === selected}
                onClick={() => onSelect(v.version)}
                className={cn("block w-full px-4 py-2.5 text-left hover:bg-zinc-50 dark:hover:bg-zinc-800/50", v.version === selected && "bg-indigo-50/70 ring-1 ring-inset ring-indigo-200 dark:bg-indigo-950/40 dark:ring-indigo-900")}
              >
                <div className="flex items-center gap-2">
                  <span className="font-mono text-sm font-semibold tabular-nums">v{v.version}</span>
                  <span className="flex flex-wrap gap-1">{labelsOf(v.version, detail.labels).map((l) => <LabelBadge key={l} label={l} version={v.version} hideVersion className="py-0" />)}</span>
                  <span className="ml-auto whitespace-nowrap text-xs text-zinc-500" title={formatDateTime(v.createdAt)}>{formatRelative(v.createdAt)}</span>
                </div>
                <p className="mt-0.5 line-clamp-2 text-sm text-zinc-700 dark:text-zinc-300">{v.commitMessage || <span className="italic text-zinc-400">no commit message</span>}</p>
                <p className="text-xs text-zinc-500">by {nameOf(v.authorId, v.authorApiKey)}</p>
              </button>
            </li>
          ))}
        </ol>
      </Card>
      {current && (
        <Card
          title={<span className="font-mono">v{current.version}</span>}
          description={`${nameOf(current.authorId, current.authorApiKey)} · ${formatDateTime(current.createdAt)} · ${current.contentHash.slice(0, 12)}`}
          actions={
            <div className="flex flex-wrap justify-end gap-1.5">
              <Button size="sm" variant="secondary" disabled={current.version === 1} onClick={() => onDiff(current.version)} title="Diff against the previous version (d)"><GitCompare className="size-3.5" /> Diff v{Math.max(1, current.version - 1)}</Button>
              <Button size="sm" variant="secondary" onClick={() => onTry(current.version)} title="Try it (t)"><FlaskConical className="size-3.5" /> Try it</Button>
              {canEdit && <Button size="sm" variant="secondary" onClick={() => onEdit(current.version)} title="Edit from this version (e)"><Pencil className="size-3.5" /> Edit from here</Button>}
            </div>
          }
        >
          {current.commitMessage && <p className="mb-3 text-sm text-zinc-700 dark:text-zinc-300">{current.commitMessage}</p>}
          {children}
        </Card>
      )}
    </div>
  );
}
