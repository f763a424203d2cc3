import { sendFlaggedTracesToInbox, type TriageReason } from "./send-flagged-traces-to-inbox";

// Transitional: lib/drift/reports.ts and components/inbox/reason-badges.tsx still import this
// path, and they are being changed in other branches right now. Once they import
// send-flagged-traces-to-inbox.ts (and call it with one options object), delete this file.
export type { TriageReason };

/** @deprecated Use `sendFlaggedTracesToInbox({ projectId, traceIds, reasons })`. */
export function sendToInbox(projectId: string, traceIds: readonly string[], reasons: readonly TriageReason[]) {
  return sendFlaggedTracesToInbox({ projectId, traceIds, reasons });
}
