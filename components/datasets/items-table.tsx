"use client";
import { History, Pencil, Trash2 } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { formatDateTime, formatRelative } from "@/lib/format/format-date";
import type { DatasetItemRow, UserNames } from "@/lib/queries/datasets/keys";
import { previewText } from "./json-value";

const SOURCE_TONE: Record<string, "indigo" | "amber" | "zinc" | "green"> = { trace: "indigo", span: "indigo", inbox: "amber", import: "zinc", manual: "green" };

function Preview({ value }: { value: unknown }) {
  const text = previewText(value);
  return text ? <div className="line-clamp-3 max-w-md whitespace-pre-wrap break-words text-xs" title={text.slice(0, 2000)}>{text}</div> : <span className="text-xs text-zinc-400">—</span>;
}

export function ItemsTable({ projectId, items, users, readOnly, onEdit, onHistory, onDelete }: {
  projectId: string; items: DatasetItemRow[]; users: UserNames; readOnly: boolean;
  onEdit: (item: DatasetItemRow) => void; onHistory: (itemId: string) => void; onDelete: (item: DatasetItemRow) => void;
}) {
  return (
    <Table head={["Input", "Expected output", "Source", "Promoted by", "When", "Version", ""]}>
      {items.map((item) => {
        const who = item.promotedById ? users[item.promotedById] : null;
        const traceHref = item.sourceTraceId ? `/project/${projectId}/traces/${encodeURIComponent(item.sourceTraceId)}${item.sourceSpanId ? `?span=${encodeURIComponent(item.sourceSpanId)}` : ""}` : null;
        return (
          <tr key={item.id} data-testid="dataset-item-row" className="align-top">
            <Td className="align-top">
              <Preview value={item.input} />
              {Array.isArray(item.contexts) && item.contexts.length > 0 && (
                <span className="mt-1 inline-block rounded bg-emerald-50 px-1.5 py-0.5 text-[11px] text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300" data-testid="item-contexts" title="Retrieved passages the RAG evaluators check the answer against">
                  {item.contexts.length} context passage{item.contexts.length === 1 ? "" : "s"}
                </span>
              )}
            </Td>
            <Td className="align-top"><Preview value={item.expectedOutput} /></Td>
            <Td className="whitespace-nowrap align-top">
              <Badge tone={SOURCE_TONE[item.source] ?? "zinc"}>{item.source}</Badge>
              {traceHref && (
                <Link href={traceHref} className="ml-1 font-mono text-xs text-indigo-700 hover:underline dark:text-indigo-400" title={`Trace ${item.sourceTraceId}${item.sourceSpanId ? `, span ${item.sourceSpanId}` : ""}`}>
                  {/* Name both ids: the badge may say "span" while the first hash is the trace's. */}
                  trace {item.sourceTraceId!.slice(0, 8)}{item.sourceSpanId && <> › span {item.sourceSpanId.slice(0, 8)}</>}
                </Link>
              )}
            </Td>
            <Td className="whitespace-nowrap align-top text-xs">{who ? who.name ?? who.email : "—"}</Td>
            <Td className="whitespace-nowrap align-top text-xs text-zinc-500"><span title={formatDateTime(item.createdAt)}>{formatRelative(item.createdAt)}</span></Td>
            <Td className="align-top">
              <button type="button" onClick={() => onHistory(item.itemId)} className="inline-flex items-center gap-1 text-xs text-zinc-600 hover:text-indigo-600 dark:text-zinc-300" title="Show history">
                <span data-testid="item-version">v{item.version}</span> <History className="size-3" />
              </button>
            </Td>
            <Td className="whitespace-nowrap text-right align-top">
              {!readOnly && (
                <>
                  <Button size="sm" variant="ghost" onClick={() => onEdit(item)} aria-label="Edit expected output"><Pencil className="size-3.5" /> Edit</Button>
                  <Button size="sm" variant="ghost" onClick={() => onDelete(item)} aria-label="Delete item"><Trash2 className="size-3.5" /></Button>
                </>
              )}
            </Td>
          </tr>
        );
      })}
    </Table>
  );
}
