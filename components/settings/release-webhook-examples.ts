// What lib/prompts/deliver-release-event.ts POSTs, for the settings page. The payload fields come
// from move-label.ts (label moves) and end-canary.ts (guard ends); keep these in step with them.
// Note `pharos.kind`: for a label move it is the move's kind (merge | rollback | canary_promote),
// because the payload's own `kind` is spread over the event kind.
export const RELEASE_WEBHOOK_EXAMPLES = [
  {
    title: "A label move (here: an emergency rollback)",
    body: {
      text: "Prompt support-answer: production → v1 (rollback: v2 quoted the wrong refund window)",
      pharos: {
        id: "cm…event", kind: "rollback", project: { id: "cm…project", name: "Demo" }, createdAt: "2026-03-01T12:00:00.000Z",
        event: "prompt.label.moved", prompt: { id: "cm…prompt", name: "support-answer" }, label: "production", fromVersion: 2, version: 1, revision: 4,
        reason: "v2 quoted the wrong refund window", changeRequestId: null, emergency: true, endedCanaryId: null, moveId: "cm…move",
        actorUserId: "cm…user", actorApiKey: null, at: "2026-03-01T12:00:00.000Z",
      },
    },
  },
  {
    title: "A canary ended by its guard",
    body: {
      text: "Prompt support-answer: canary on staging ended by its guard (error rate 6.00% vs main 1.00% over 250 calls (p = 1.2e-5 < 0.01))",
      pharos: {
        id: "cm…event", kind: "canary_guard_ended", project: { id: "cm…project", name: "Demo" }, createdAt: "2026-03-01T12:00:00.000Z",
        event: "prompt.canary.guard_ended", prompt: { id: "cm…prompt", name: "support-answer" }, label: "staging", canaryId: "cm…canary", canaryVersion: 3, baseVersion: 2,
        reason: "guard: error rate 6.00% vs main 1.00% over 250 calls (p = 1.2e-5 < 0.01)", at: "2026-03-01T12:00:00.000Z",
      },
    },
  },
] as const;
