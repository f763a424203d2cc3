import type { AuditEntry, AuditPage } from "@/lib/queries/prompts/keys";

export type Change = { key: string; before: string | null; after: string | null; kind: "added" | "removed" | "changed" };
export type ChangeSet = { changes: Change[]; unchanged: number };

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Nested objects become dotted keys (two levels deep is what audit rows hold); arrays and leaves stay whole. */
function flatten(value: unknown, prefix = "", out = new Map<string, unknown>(), depth = 0): Map<string, unknown> {
  if (isPlainObject(value) && depth < 3) {
    const entries = Object.entries(value);
    if (entries.length === 0 && prefix) out.set(prefix, {});
    for (const [k, v] of entries) flatten(v, prefix ? `${prefix}.${k}` : k, out, depth + 1);
  } else if (prefix) out.set(prefix, value);
  else if (value !== null && value !== undefined) out.set("value", value);
  return out;
}

/** How a value reads in the diff: strings as themselves, the rest as compact JSON. */
export function formatAuditValue(v: unknown): string {
  if (typeof v === "string") return v;
  if (v === undefined) return "—";
  const text = JSON.stringify(v);
  return text.length > 300 ? `${text.slice(0, 299)}…` : text;
}

/**
 * Before → after as key/value changes: keys only in `after` were added, keys only in `before`
 * removed, keys in both with another value changed. Equal keys are counted, not listed; keys that
 * appear only as null are left out.
 */
export function auditChanges(before: unknown, after: unknown): ChangeSet {
  const b = flatten(before);
  const a = flatten(after);
  const changes: Change[] = [];
  let unchanged = 0;
  for (const key of [...new Set([...b.keys(), ...a.keys()])]) {
    const inB = b.has(key);
    const inA = a.has(key);
    if (inB && inA) {
      if (JSON.stringify(b.get(key)) === JSON.stringify(a.get(key))) unchanged++;
      else changes.push({ key, before: formatAuditValue(b.get(key)), after: formatAuditValue(a.get(key)), kind: "changed" });
    } else if (inA) {
      // A key that appears as null says nothing happened to it (label moves carry reason: null and the like).
      if (a.get(key) !== null) changes.push({ key, before: null, after: formatAuditValue(a.get(key)), kind: "added" });
    }
    else changes.push({ key, before: formatAuditValue(b.get(key)), after: null, kind: "removed" });
  }
  return { changes, unchanged };
}

/** Rollbacks by owners and admins bypass approvals: the audit rows say so with `emergency: true`. */
export function isEmergency(entry: Pick<AuditEntry, "after">): boolean {
  return isPlainObject(entry.after) && entry.after.emergency === true;
}

/** Who did it: the member's name or email, the API key, or Pharos itself (the canary guard, the worker). */
export function actorLabel(entry: Pick<AuditEntry, "actorUserId" | "actorApiKey">, users: AuditPage["users"]): string {
  if (entry.actorUserId) {
    const u = users[entry.actorUserId];
    return u ? (u.name ?? u.email) : "a former member";
  }
  if (entry.actorApiKey) return `API key ${entry.actorApiKey}`;
  return "Pharos (automatic)";
}

/** What it happened to, in words: "label production" rather than "prompt_label cmf…:production". */
export function resourceLabel(entry: Pick<AuditEntry, "resourceType" | "resourceId" | "before" | "after">): string {
  const field = (k: string) => (isPlainObject(entry.after) && typeof entry.after[k] === "string" ? entry.after[k] : isPlainObject(entry.before) && typeof entry.before[k] === "string" ? entry.before[k] : null);
  const type = entry.resourceType.replaceAll("_", " ").replace(/^prompt (?=label|change request|canary|policy)/, "");
  const label = field("label");
  const name = field("name");
  if (label) return `${type} ${label}`;
  if (name) return `${type} ${name}`;
  return `${type} ${entry.resourceId.length > 14 ? `${entry.resourceId.slice(0, 12)}…` : entry.resourceId}`;
}

/** All loaded pages as one list, with the users of every page merged. */
export function flattenAuditPages(pages: readonly AuditPage[] | undefined): { entries: AuditEntry[]; users: AuditPage["users"] } {
  const entries: AuditEntry[] = [];
  const users: AuditPage["users"] = {};
  for (const p of pages ?? []) {
    entries.push(...p.entries);
    Object.assign(users, p.users);
  }
  return { entries, users };
}
