import { GitPullRequest, MessagesSquare, Pencil, Text } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Badge, Skeleton } from "@/components/ui/card";
import type { PromptDetail } from "@/lib/queries/prompts/keys";
import { LabelBadges } from "./label-badges";

type Props = { projectId: string; detail: PromptDetail | undefined; canEdit: boolean; onEdit: () => void; onPropose: () => void };

/** Back link, name, type, tags, description and labels; Edit and Propose for engineers. */
export function PromptHeader({ projectId, detail, canEdit, onEdit, onPropose }: Props) {
  return (
    <div>
      <Link href={`/project/${projectId}/prompts`} className="text-xs text-zinc-500 hover:underline">← Prompts</Link>
      {!detail ? <Skeleton className="mt-1 h-14 w-96" /> : (
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div className="min-w-0">
            <div className="flex flex-wrap items-center gap-2">
              <h1 className="break-all font-mono text-xl font-semibold" data-testid="prompt-name">{detail.prompt.name}</h1>
              <Badge>{detail.prompt.type === "chat" ? <MessagesSquare className="mr-1 size-3" /> : <Text className="mr-1 size-3" />}{detail.prompt.type}</Badge>
              {detail.prompt.tags.map((t) => <Badge key={t} tone="indigo">{t}</Badge>)}
            </div>
            {detail.prompt.description && <p className="mt-0.5 text-sm text-zinc-500">{detail.prompt.description}</p>}
            <div className="mt-2" data-testid="prompt-labels"><LabelBadges labels={detail.labels} /></div>
          </div>
          {canEdit && (
            <div className="flex gap-2">
              <Button variant="secondary" onClick={onPropose} title="Propose a version for a label"><GitPullRequest className="size-4" /> Propose…</Button>
              <Button onClick={onEdit} title="Edit: creates a new version (e)"><Pencil className="size-4" /> Edit</Button>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
