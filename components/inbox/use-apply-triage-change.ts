import { useCallback } from "react";
import type { TriageChange, TriageItemRow, UserRef } from "@/lib/queries/triage/keys";
import { useChangeTriageItems } from "@/lib/queries/triage/use-change-triage-items";
import { transitionProblem } from "@/lib/triage/status";
import { inboxToast } from "./inbox-toast";

const DONE: Partial<Record<string, string>> = { resolved: "Resolved", ignored: "Ignored", investigating: "Marked investigating", open: "Reopened" };

type Options = { projectId: string; items: TriageItemRow[]; me: UserRef; role: string; canUpdate: boolean; onBulkDone: () => void };

/**
 * One way to change items from keys, the bulk bar and the detail pane: refuses (with a toast)
 * what the role or the item's status does not allow, before the server would.
 */
export function useApplyTriageChange({ projectId, items, me, role, canUpdate, onBulkDone }: Options) {
  const change = useChangeTriageItems(projectId);
  const apply = useCallback(
    (itemIds: string[], c: TriageChange, assignee?: UserRef | null) => {
      if (!canUpdate) {
        inboxToast.error(`Your role (${role}) can read the inbox but not change it`);
        return;
      }
      if (!itemIds.length) return;
      if (itemIds.length === 1 && c.status) {
        const item = items.find((i) => i.id === itemIds[0]);
        const problem = item ? transitionProblem(item.status, c.status) : null;
        if (problem) {
          inboxToast.error(`Cannot ${c.status === "resolved" ? "resolve" : c.status === "ignored" ? "ignore" : "change"} this item: ${problem}`);
          return;
        }
      }
      const n = itemIds.length;
      change.mutate(
        { itemIds, change: c, assignee },
        {
          onSuccess: () => {
            const what = c.status ? DONE[c.status] : c.assigneeId === me.id ? "Assigned to you" : c.assigneeId === null ? "Unassigned" : "Assigned";
            inboxToast.success(n > 1 ? `${what}: ${n} items` : what!);
            if (n > 1) onBulkDone();
          },
          onError: (e) => inboxToast.error(e.message),
        },
      );
    },
    [canUpdate, role, items, change, me.id, onBulkDone],
  );
  return { apply, busy: change.isPending };
}
