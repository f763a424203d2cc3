import { Badge } from "@/components/ui/card";
import { REASON_LABELS } from "@/lib/triage/rules";
import type { TriageReason } from "@/lib/triage/send-flagged-traces-to-inbox";
import type { TriageStatus } from "@/lib/triage/status";

const REASON_TONE: Partial<Record<string, "red" | "amber" | "indigo" | "zinc">> = {
  error: "red", thumbs_down: "amber", low_score: "amber", unfaithful: "amber", slow: "zinc", pii: "indigo", injection: "red", uncertainty: "zinc", guardrail_blocked: "red", drift: "indigo", manual: "zinc",
};

export const reasonLabel = (r: string) => REASON_LABELS[r as TriageReason] ?? r;

export function ReasonBadges({ reasons }: { reasons: string[] }) {
  return (
    <span className="flex flex-wrap gap-1">
      {reasons.map((r) => (
        <Badge key={r} tone={REASON_TONE[r] ?? "zinc"}>{reasonLabel(r)}</Badge>
      ))}
    </span>
  );
}

export const STATUS_LABELS: Record<TriageStatus, string> = { open: "Open", investigating: "Investigating", resolved: "Resolved", ignored: "Ignored" };
const STATUS_TONE: Record<TriageStatus, "red" | "amber" | "green" | "zinc"> = { open: "red", investigating: "amber", resolved: "green", ignored: "zinc" };

export function StatusBadge({ status }: { status: TriageStatus }) {
  return <Badge tone={STATUS_TONE[status]}>{STATUS_LABELS[status]}</Badge>;
}
