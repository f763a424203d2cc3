"use client";
import { Send, Trash2 } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Badge, Card, Skeleton } from "@/components/ui/card";
import { FieldError } from "@/components/ui/input";
import { Table, Td } from "@/components/ui/table";
import { WriteOnlyUrlField } from "@/components/ui/write-only-url-field";
import { formatDateTime, formatRelative } from "@/lib/format/format-date";
import { usePromptMutations } from "@/lib/queries/prompts/use-prompt-mutations";
import { useReleaseWebhookQuery } from "@/lib/queries/prompts/use-release-webhook-query";
import { useTestReleaseWebhookMutation } from "@/lib/queries/prompts/use-test-release-webhook-mutation";
import { RELEASE_WEBHOOK_EXAMPLES } from "./release-webhook-examples";

const STATUS_TONE: Record<string, "green" | "red" | "amber" | "zinc"> = { delivered: "green", failed: "red", pending: "amber", skipped: "zinc" };
const KIND_LABEL: Record<string, string> = { label_move: "label move", canary_guard_ended: "guard ended a canary", test: "test" };

/** Where label moves and guard ends are POSTed: set, test, clear, and the recent deliveries. */
export function ReleaseWebhookCard({ projectId }: { projectId: string }) {
  const hook = useReleaseWebhookQuery(projectId);
  const m = usePromptMutations(projectId);
  const test = useTestReleaseWebhookMutation(projectId);
  // The saved URL comes back masked (write-only); a new one is typed after "Replace".
  const [url, setUrl] = useState("");
  const [replacing, setReplacing] = useState(false);
  const saved = hook.data?.url ?? null;
  const typing = saved === null || replacing;

  function save(next: string | null) {
    m.setReleaseWebhook.mutate(next, {
      onSuccess: (r) => {
        toast.success(r.url ? "Release webhook saved" : "Release webhook cleared");
        setUrl("");
        setReplacing(false);
      },
    });
  }
  function sendTest() {
    test.mutate(undefined, {
      onSuccess: (r) => (r.delivered ? toast.success(`Test delivered (HTTP ${r.status})`) : toast.error(`Test failed: ${r.error}`)),
      onError: (e) => toast.error(e.message),
    });
  }

  return (
    <Card title="Release webhook" description="Pharos POSTs JSON here on every label move (merge, rollback, canary promotion) and whenever a canary's guard ends it. Slack-compatible: the body has a text line.">
      {hook.isPending ? <Skeleton className="h-9 w-full" /> : hook.isError ? <FieldError>{hook.error.message}</FieldError> : (
        <div className="space-y-4">
          <form className="flex items-end gap-2" onSubmit={(e) => (e.preventDefault(), typing && url.trim() && save(url.trim()))}>
            <div className="flex-1">
              <WriteOnlyUrlField id="release-webhook-url" label="Webhook URL" placeholder="https://hooks.slack.com/services/…" saved={saved} replacing={replacing} onReplacingChange={(r) => (setReplacing(r), setUrl(""))} value={url} onChange={setUrl} />
            </div>
            {typing && <Button type="submit" disabled={m.setReleaseWebhook.isPending || url.trim() === ""}>Save</Button>}
            <Button variant="secondary" onClick={sendTest} disabled={!saved || test.isPending}><Send className="h-3.5 w-3.5" aria-hidden /> Send test</Button>
            {saved && <Button variant="danger" onClick={() => save(null)} disabled={m.setReleaseWebhook.isPending}><Trash2 className="h-3.5 w-3.5" aria-hidden /> Clear</Button>}
          </form>
          <FieldError>{m.setReleaseWebhook.error?.message}</FieldError>
          {!saved && <p className="text-xs text-zinc-500">No webhook set: moves are still recorded, and nothing is sent.</p>}
          <details className="text-sm">
            <summary className="cursor-pointer text-xs font-medium text-zinc-600 dark:text-zinc-400">What is sent</summary>
            <div className="mt-2 grid gap-3 lg:grid-cols-2">
              {RELEASE_WEBHOOK_EXAMPLES.map((ex) => (
                <div key={ex.title}>
                  <p className="mb-1 text-xs text-zinc-500">{ex.title}</p>
                  <pre className="max-h-80 overflow-auto whitespace-pre-wrap break-words rounded-md bg-zinc-50 p-2 text-[11px] leading-snug dark:bg-zinc-950">{JSON.stringify(ex.body, null, 2)}</pre>
                </div>
              ))}
            </div>
            <p className="mt-2 text-xs text-zinc-500">Failed deliveries are retried with backoff, up to 5 attempts. Every event is kept, so the list below shows what was sent and what was not.</p>
          </details>
          {hook.data.recentEvents.length > 0 && (
            <Table head={["When", "Event", "Delivery"]}>
              {hook.data.recentEvents.map((e) => (
                <tr key={e.id} data-testid="release-event-row">
                  <Td className="whitespace-nowrap text-xs text-zinc-500"><span title={formatDateTime(e.createdAt)}>{formatRelative(e.createdAt)}</span></Td>
                  <Td className="text-sm">{KIND_LABEL[e.kind] ?? e.kind}</Td>
                  <Td>
                    <Badge tone={STATUS_TONE[e.deliveryStatus] ?? "zinc"}>{e.deliveryStatus === "skipped" ? "not sent (no webhook)" : e.deliveryStatus}</Badge>
                    {e.deliveryAttempts > 1 && <span className="ml-1 text-xs text-zinc-500">{e.deliveryAttempts} attempts</span>}
                    {e.lastError && e.deliveryStatus !== "skipped" && <div className="text-xs text-red-600">{e.lastError}</div>}
                  </Td>
                </tr>
              ))}
            </Table>
          )}
        </div>
      )}
    </Card>
  );
}
