import { Folder, MessagesSquare, Text } from "lucide-react";
import Link from "next/link";
import { Fragment } from "react";
import { Badge } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { formatDateTime, formatRelative } from "@/lib/format/format-date";
import type { PromptListRow } from "@/lib/queries/prompts/keys";
import { LabelBadges } from "./label-badges";
import { groupByFolder } from "./prompt-list-model";

/** Prompts grouped by folder: a folder row, then its prompts indented under it. */
export function PromptsTable({ projectId, rows }: { projectId: string; rows: PromptListRow[] }) {
  return (
    <Table head={["Name", "Type", "Labels", "Last change", "Tags"]}>
      {groupByFolder(rows).map((group) => (
        <Fragment key={group.folder || "/"}>
          {group.folder && (
            <tr className="bg-zinc-50 dark:bg-zinc-950" data-testid="prompt-folder">
              <td colSpan={5} className="px-2 py-1.5 text-xs font-medium text-zinc-600 dark:text-zinc-400">
                <Folder className="mr-1.5 inline size-3.5 align-[-2px]" />{group.folder}/
              </td>
            </tr>
          )}
          {group.prompts.map((p) => (
            <tr key={p.id} data-testid="prompt-row" data-name={p.name} className="hover:bg-zinc-50 dark:hover:bg-zinc-800/50">
              <Td className={group.folder ? "pl-7" : undefined}>
                <Link href={`/project/${projectId}/prompts/${p.id}`} className="font-mono text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-400" title={p.name}>
                  {p.leaf}
                </Link>
                {p.openChangeRequests > 0 && <span className="ml-2 whitespace-nowrap"><Badge tone="amber">{p.openChangeRequests} open request{p.openChangeRequests === 1 ? "" : "s"}</Badge></span>}
                {p.description && <div className="max-w-md truncate text-xs text-zinc-500">{p.description}</div>}
              </Td>
              <Td className="whitespace-nowrap text-xs text-zinc-600 dark:text-zinc-400">
                {p.type === "chat" ? <MessagesSquare className="mr-1 inline size-3.5 align-[-2px]" /> : <Text className="mr-1 inline size-3.5 align-[-2px]" />}
                {p.type}
              </Td>
              <Td><LabelBadges labels={p.labels} /></Td>
              <Td className="whitespace-nowrap text-xs text-zinc-500"><span title={formatDateTime(p.lastChangeAt)}>{formatRelative(p.lastChangeAt)}</span></Td>
              <Td>
                <span className="flex flex-wrap gap-1">{p.tags.map((t) => <Badge key={t}>{t}</Badge>)}</span>
              </Td>
            </tr>
          ))}
        </Fragment>
      ))}
    </Table>
  );
}
