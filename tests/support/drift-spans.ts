// Batch-API LLM spans for the drift and embeddings tests: one generation per trace, sent through the real ingest route.
import * as ingestRoute from "@/app/api/public/ingest/route";
import { hex } from "./ingest";
import { call } from "./route";

export function spanEvent(traceId: string, extra: Record<string, unknown> = {}, start = new Date(Date.now() - 60_000)) {
  const id = hex(8);
  return {
    id: `e-${id}`, type: "generation",
    body: { id, traceId, name: "chat", startTime: start.toISOString(), endTime: new Date(start.getTime() + 500).toISOString(), model: "gpt-4o-mini", input: "How do refunds work?", ...extra },
  };
}

export async function sendBatch(secretKey: string, batch: object[]) {
  return call(ingestRoute.POST, "POST", { authorization: `Bearer ${secretKey}`, body: { batch } });
}
