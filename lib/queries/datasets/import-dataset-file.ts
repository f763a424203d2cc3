import { ApiError } from "../query-client";
import { datasetsPath, type ImportResult, type LineError } from "./keys";

/** An import refused for bad lines: the per-line errors travel with the error. */
export class ImportError extends ApiError {
  constructor(status: number, code: string, message: string, readonly lines: LineError[]) {
    super(status, code, message);
  }
}

/** Posts the file's text as is (not JSON-wrapped), so apiFetch does not fit: the body and the error details differ. */
export async function importDatasetFile(projectId: string, datasetId: string, file: { text: string; format: "jsonl" | "csv"; skipInvalid: boolean }): Promise<ImportResult> {
  const res = await fetch(`${datasetsPath(projectId)}/${datasetId}/import?format=${file.format}&skipInvalid=${file.skipInvalid}`, {
    method: "POST",
    headers: { "content-type": file.format === "csv" ? "text/csv" : "application/x-ndjson" },
    body: file.text,
  });
  const data = res.headers.get("content-type")?.includes("application/json") ? await res.json() : null;
  if (!res.ok) throw new ImportError(res.status, data?.error?.code ?? "HTTP_ERROR", data?.error?.message ?? `Import failed (${res.status})`, Array.isArray(data?.error?.details) ? data.error.details : []);
  return data as ImportResult;
}
