import { ThumbsDown, ThumbsUp } from "lucide-react";
import { Badge } from "@/components/ui/card";
import type { TraceRow } from "@/lib/queries/traces/keys";

export function StatusBadge({ row }: { row: TraceRow }) {
  return row.status === "error" ? <Badge tone="red">error{row.errorCount > 1 ? ` ×${row.errorCount}` : ""}</Badge> : <Badge tone="green">ok</Badge>;
}

const FLAG_TONE = { pii: "amber", injection: "red", uncertainty: "indigo" } as const;

export function Flags({ flags }: { flags: string[] }) {
  const shown = flags.filter((f): f is keyof typeof FLAG_TONE => f in FLAG_TONE);
  return (
    <span className="flex flex-wrap gap-1">
      {shown.map((f) => <Badge key={f} tone={FLAG_TONE[f]}>{f}</Badge>)}
    </span>
  );
}

export function Feedback({ up, down }: { up: number; down: number }) {
  if (!up && !down) return <span className="text-zinc-400">—</span>;
  return (
    <span className="flex items-center gap-2 text-xs">
      {up > 0 && <span className="flex items-center gap-0.5 text-emerald-600" title={`${up} thumbs up`}><ThumbsUp className="h-3.5 w-3.5" />{up > 1 ? up : ""}</span>}
      {down > 0 && <span className="flex items-center gap-0.5 text-red-600" title={`${down} thumbs down`}><ThumbsDown className="h-3.5 w-3.5" />{down > 1 ? down : ""}</span>}
    </span>
  );
}

export function Tags({ tags }: { tags: string[] }) {
  return (
    <span className="flex gap-1 overflow-hidden">
      {tags.map((t) => <Badge key={t}>{t}</Badge>)}
    </span>
  );
}
