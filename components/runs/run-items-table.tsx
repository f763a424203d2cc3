"use client";
import { ChevronDown, ChevronRight } from "lucide-react";
import Link from "next/link";
import { Fragment, useEffect, useState } from "react";
import { Badge, Card, EmptyState, Skeleton } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/input";
import { Table, Td } from "@/components/ui/table";
import { formatCost } from "@/lib/format/format-cost";
import { formatDuration } from "@/lib/format/format-duration";
import type { RunItemRow, RunRow } from "@/lib/queries/runs/keys";
import { useRunItemsQuery } from "@/lib/queries/runs/use-run-items-query";
import { consistencyView, hasDetails } from "./prepare-item-details";
import { inputText, outputText } from "./prepare-runs";
import { RunItemDetails } from "./run-item-details";

const ITEM_TONE = { done: "zinc", pending: "zinc", running: "indigo", failed: "red", judge_error: "amber" } as const;

/** The run's items in snapshot order: output, each score, status, and the item's trace; an item with judge tiers or self-consistency samples expands to show them. */
export function RunItemsTable({ projectId, run }: { projectId: string; run: RunRow }) {
  const items = useRunItemsQuery(projectId, run.id);
  const rows = items.data?.pages.flatMap((p) => p.items) ?? [];
  // While the run goes, each step of its (polled) progress refreshes this list too.
  const done = run.progress.done;
  const { refetch } = items;
  useEffect(() => { void refetch(); }, [done, refetch]);
  return (
    <Card title="Items" description={`${run.progress.total} items of the snapshot`}>
      {items.isPending ? <Skeleton className="h-40 w-full" /> : items.isError ? <FieldError>{items.error.message}</FieldError> : rows.length === 0 ? (
        <EmptyState title="This run has no items">The golden set was empty when the run started.</EmptyState>
      ) : (
        <>
          <Table head={["#", "Input", "Output", "Scores", "Result", "Latency", "Cost", "Trace"]}>
            {rows.map((i) => <ItemRow key={i.id} projectId={projectId} item={i} />)}
          </Table>
          {items.hasNextPage && <Button className="mt-3" variant="secondary" size="sm" disabled={items.isFetchingNextPage} onClick={() => items.fetchNextPage()}>Load more</Button>}
        </>
      )}
    </Card>
  );
}

function ItemRow({ projectId, item }: { projectId: string; item: RunItemRow }) {
  const [open, setOpen] = useState(false);
  const expandable = hasDetails(item.scores);
  return (
    <Fragment>
      <tr data-testid="run-item-row" className="align-top">
        <Td className="text-xs tabular-nums text-zinc-500">
          {expandable ? (
            <button type="button" className="flex items-center gap-0.5 hover:text-zinc-900 dark:hover:text-zinc-100" aria-expanded={open} aria-label={`${open ? "Hide" : "Show"} details of item ${item.position + 1}`} onClick={() => setOpen(!open)}>
              {open ? <ChevronDown className="size-3.5" /> : <ChevronRight className="size-3.5" />}{item.position + 1}
            </button>
          ) : item.position + 1}
        </Td>
        <Td className="max-w-56"><div className="line-clamp-3 whitespace-pre-wrap break-words text-xs">{inputText(item.input)}</div></Td>
        <Td className="max-w-md">
          <div className="line-clamp-4 whitespace-pre-wrap break-words text-xs">{outputText(item.output) || <span className="text-zinc-400">—</span>}</div>
          {item.error && <div className="mt-1 text-xs text-red-600">{item.error}</div>}
        </Td>
        <Td className="text-xs">
          {Object.entries(item.scores ?? {}).map(([key, s]) => (
            <div key={key} title={s.reason} className={s.passed ? "" : "text-red-600"}>
              <span className="font-mono">{key}</span> {s.score === null ? (s.status === "passed" ? "n/a" : s.status) : s.score.toFixed(2)}
              {consistencyView(s.details)?.flagged && <> <Badge tone="amber">flagged</Badge></>}
              {s.details?.tiered && (s.details.tiered as { escalated?: boolean }).escalated ? <> <Badge tone="indigo">escalated</Badge></> : null}
            </div>
          ))}
        </Td>
        <Td>{item.status === "done" ? <Badge tone={item.passed ? "green" : "red"}>{item.passed ? "pass" : "fail"}</Badge> : <Badge tone={ITEM_TONE[item.status]}>{item.status.replace("_", " ")}</Badge>}</Td>
        <Td className="whitespace-nowrap text-xs tabular-nums">{formatDuration(item.latencyMs)}</Td>
        <Td className="whitespace-nowrap text-xs tabular-nums">{formatCost(item.cost)}</Td>
        <Td className="text-xs">{item.traceId ? <Link className="text-indigo-700 hover:underline dark:text-indigo-400" href={`/project/${projectId}/traces/${item.traceId}`}>trace</Link> : <span className="text-zinc-400">—</span>}</Td>
      </tr>
      {open && expandable && (
        <tr>
          <td colSpan={8} className="bg-zinc-50 px-6 py-3 dark:bg-zinc-900/40"><RunItemDetails item={item} /></td>
        </tr>
      )}
    </Fragment>
  );
}
