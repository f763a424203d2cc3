"use client";
import { Check, MessageSquare, TriangleAlert } from "lucide-react";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Badge, Card } from "@/components/ui/card";
import { FieldError, Label } from "@/components/ui/input";
import { TextArea } from "@/components/datasets/json-value";
import { formatDateTime, formatRelative } from "@/lib/format/format-date";
import type { Review } from "@/lib/queries/prompts/keys";
import { usePromptMutations } from "@/lib/queries/prompts/use-prompt-mutations";

type Props = { projectId: string; promptId: string; changeRequestId: string; reviews: Review[]; round: number; open: boolean; canReview: boolean; nameOf: (id: string | null) => string };

const VERDICT = {
  approve: <Badge tone="green"><Check className="mr-1 size-3" />approved</Badge>,
  request_changes: <Badge tone="red"><TriangleAlert className="mr-1 size-3" />requested changes</Badge>,
  comment: <Badge><MessageSquare className="mr-1 size-3" />commented</Badge>,
};

/** Reviews in time order (text only), and the form to approve, request changes or comment. */
export function ReviewThread({ projectId, promptId, changeRequestId, reviews, round, open, canReview, nameOf }: Props) {
  const { review } = usePromptMutations(projectId);
  const [body, setBody] = useState("");

  async function send(verdict: Review["verdict"]) {
    await review.mutateAsync({ promptId, changeRequestId, verdict, ...(body.trim() ? { body: body.trim() } : {}) });
    setBody("");
    toast.success(verdict === "approve" ? "Approved" : verdict === "request_changes" ? "Changes requested" : "Comment added");
  }
  const onSubmit = (e: FormEvent) => (e.preventDefault(), send("comment").catch(() => undefined));

  return (
    <Card title="Reviews" description={round > 1 ? `Round ${round}: approvals from earlier rounds no longer count` : undefined}>
      <ol className="space-y-3" data-testid="review-thread">
        {reviews.length === 0 && <li className="text-sm text-zinc-500">No reviews yet.</li>}
        {reviews.map((r) => (
          <li key={r.id} data-testid="review" data-verdict={r.verdict} className={r.round < round ? "opacity-60" : undefined}>
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <span className="font-medium">{nameOf(r.reviewerId)}</span>
              {VERDICT[r.verdict]}
              {r.round < round && <span className="text-xs text-zinc-500">round {r.round}</span>}
              <span className="ml-auto text-xs text-zinc-500" title={formatDateTime(r.createdAt)}>{formatRelative(r.createdAt)}</span>
            </div>
            {r.body && <p className="mt-1 whitespace-pre-wrap break-words rounded-md bg-zinc-50 px-3 py-2 text-sm dark:bg-zinc-950">{r.body}</p>}
          </li>
        ))}
      </ol>
      {open && canReview && (
        <form onSubmit={onSubmit} className="mt-4 space-y-2 border-t border-zinc-200 pt-4 dark:border-zinc-800">
          <Label htmlFor="review-body">Your review</Label>
          <TextArea id="review-body" rows={3} className="font-sans text-sm" value={body} onChange={(e) => setBody(e.target.value)} placeholder="What you checked, or what should change" />
          <FieldError>{review.error?.message}</FieldError>
          <div className="flex flex-wrap gap-2">
            <Button disabled={review.isPending} className="bg-emerald-600 hover:bg-emerald-500 disabled:bg-emerald-300" onClick={() => send("approve").catch(() => undefined)}><Check className="size-4" /> Approve</Button>
            <Button variant="danger" disabled={review.isPending} onClick={() => send("request_changes").catch(() => undefined)}><TriangleAlert className="size-4" /> Request changes</Button>
            <Button type="submit" variant="secondary" disabled={review.isPending || !body.trim()}><MessageSquare className="size-4" /> Comment</Button>
          </div>
        </form>
      )}
    </Card>
  );
}
