import type { CreateLlmConnection, UpdateLlmConnection } from "@/lib/schemas/llm-connections";

/** What the connection form holds, as typed. Secrets are never pre-filled: empty means "keep". */
export type ConnectionFormValues = { name: string; baseUrl: string; apiKey: string; noApiKey: boolean; headers: string; models: string };

/** "Name: value" per line → headers; blank lines skipped; a line without ":" is an error naming its number. */
export function parseHeaders(text: string): { headers: Record<string, string> } | { error: string } {
  const headers: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (const [i, line] of lines.entries()) {
    if (!line.trim()) continue;
    const colon = line.indexOf(":");
    if (colon <= 0) return { error: `Header line ${i + 1} must look like "Name: value"` };
    headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return { headers };
}

export const parseModels = (text: string) => text.split(/[\s,]+/).map((m) => m.trim()).filter(Boolean);

const trimSlash = (u: string) => u.trim().replace(/\/+$/, "");

export function createBody(v: ConnectionFormValues): CreateLlmConnection | { error: string } {
  const headers = parseHeaders(v.headers);
  if ("error" in headers) return headers;
  return { name: v.name.trim(), baseUrl: v.baseUrl.trim(), apiKey: v.noApiKey || !v.apiKey.trim() ? null : v.apiKey.trim(), headers: headers.headers, models: parseModels(v.models) };
}

/**
 * The PATCH for an edit: only what changed. A new base URL must carry the key (or "no key"),
 * as the server requires; saying so here saves a round trip.
 */
export function updateBody(before: { name: string; baseUrl: string; models: string[] }, v: ConnectionFormValues): UpdateLlmConnection | { error: string } {
  const changes: UpdateLlmConnection = {};
  if (v.name.trim() !== before.name) changes.name = v.name.trim();
  const urlChanged = trimSlash(v.baseUrl) !== trimSlash(before.baseUrl);
  if (urlChanged) changes.baseUrl = v.baseUrl.trim();
  if (v.noApiKey) changes.apiKey = null;
  else if (v.apiKey.trim()) changes.apiKey = v.apiKey.trim();
  else if (urlChanged) return { error: "A new base URL needs the API key entered again (or tick “No API key”), so the stored key is never sent to a new host." };
  if (v.headers.trim()) {
    const headers = parseHeaders(v.headers);
    if ("error" in headers) return headers;
    changes.headers = headers.headers;
  }
  const models = parseModels(v.models);
  if (models.join("\n") !== before.models.join("\n")) changes.models = models;
  return changes;
}
