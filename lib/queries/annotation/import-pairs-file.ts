import { ApiError } from "../query-client";
import { queuesPath } from "./keys";

export type LineError = { line: number; message: string };

/** An import refused for bad lines: the per-line errors travel with the error. */
export class PairImportError extends ApiError {
  constructor(status: number, code: string, message: string, readonly lines: LineError[]) {
    super(status, code, message);
  }
}

/** Posts the JSONL text as is (as the golden-set import does). */
export async function importPairsFile(projectId: string, queueId: string, text: string): Promise<{ imported: number }> {
  const res = await fetch(`${queuesPath(projectId)}/${queueId}/import`, { method: "POST", headers: { "content-type": "application/x-ndjson" }, body: text });
  const data = res.headers.get("content-type")?.includes("application/json") ? await res.json() : null;
  if (!res.ok) throw new PairImportError(res.status, data?.error?.code ?? "HTTP_ERROR", data?.error?.message ?? `Import failed (${res.status})`, Array.isArray(data?.error?.details) ? data.error.details : []);
  return data as { imported: number };
}
