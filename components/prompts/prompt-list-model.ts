import type { PromptListRow } from "@/lib/queries/prompts/keys";

export type PromptListFilters = { q: string; type: "text" | "chat" | null; label: string | null };
export type FolderGroup = { folder: string; prompts: (PromptListRow & { leaf: string })[] };

type Params = { get(name: string): string | null };

/** The list's filters from the URL (`?q=&type=&label=`); unknown values are ignored. */
export function parseListFilters(params: Params): PromptListFilters {
  const type = params.get("type");
  const label = params.get("label");
  return { q: params.get("q")?.trim() ?? "", type: type === "text" || type === "chat" ? type : null, label: label && /^[a-z0-9._-]{1,64}$/.test(label) ? label : null };
}

export function serializeListFilters(f: PromptListFilters): string {
  const qs = new URLSearchParams();
  if (f.q) qs.set("q", f.q);
  if (f.type) qs.set("type", f.type);
  if (f.label) qs.set("label", f.label);
  return qs.toString();
}

/** Type and label filters (the name search runs on the server). */
export function filterPrompts(rows: PromptListRow[], f: PromptListFilters): PromptListRow[] {
  return rows.filter((r) => (!f.type || r.type === f.type) && (!f.label || r.labels.some((l) => l.label === f.label)));
}

/** Prompts grouped by folder ("support/answer" → folder "support", leaf "answer"); root first, then folders by name. */
export function groupByFolder(rows: PromptListRow[]): FolderGroup[] {
  const groups = new Map<string, FolderGroup>();
  for (const row of rows) {
    const cut = row.name.lastIndexOf("/");
    const folder = cut < 0 ? "" : row.name.slice(0, cut);
    const group = groups.get(folder) ?? { folder, prompts: [] };
    group.prompts.push({ ...row, leaf: row.name.slice(cut + 1) });
    groups.set(folder, group);
  }
  for (const g of groups.values()) g.prompts.sort((a, b) => a.leaf.localeCompare(b.leaf));
  return [...groups.values()].sort((a, b) => (a.folder === "" ? -1 : b.folder === "" ? 1 : a.folder.localeCompare(b.folder)));
}

/** Labels in reading order: production, staging, custom by name, `latest` last. */
export function orderLabels<T extends { label: string }>(labels: T[]): T[] {
  const rank = (l: string) => (l === "production" ? 0 : l === "staging" ? 1 : l === "latest" ? 3 : 2);
  return [...labels].sort((a, b) => rank(a.label) - rank(b.label) || a.label.localeCompare(b.label));
}

/** Every label used by any prompt (for the filter), in reading order. */
export function knownLabels(rows: PromptListRow[]): string[] {
  return orderLabels([...new Set(rows.flatMap((r) => r.labels.map((l) => l.label)))].map((label) => ({ label }))).map((l) => l.label);
}
