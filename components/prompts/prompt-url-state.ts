export const PROMPT_TABS = [
  ["versions", "Versions"],
  ["diff", "Diff"],
  ["try", "Try it"],
  ["metrics", "Metrics"],
  ["labels", "Labels"],
  ["changes", "Change requests"],
  ["canaries", "Canaries"],
  ["policies", "Policies"],
] as const;
export type PromptTab = (typeof PROMPT_TABS)[number][0];

/** The prompt page's state, all in the URL: `?tab=&version=&from=&to=&label=&status=`. */
export type PromptView = { tab: PromptTab; version: number | null; from: number | null; to: number | null; label: string | null; status: "open" | "merged" | "closed" | "all" };

type Params = { get(name: string): string | null };

const positive = (v: string | null) => (v && /^[1-9]\d{0,8}$/.test(v) ? Number(v) : null);

export function parsePromptView(params: Params): PromptView {
  const tab = params.get("tab");
  const status = params.get("status");
  const label = params.get("label");
  return {
    tab: PROMPT_TABS.some(([t]) => t === tab) ? (tab as PromptTab) : "versions",
    version: positive(params.get("version")),
    from: positive(params.get("from")),
    to: positive(params.get("to")),
    label: label && /^[a-z0-9._-]{1,64}$/.test(label) ? label : null,
    status: status === "merged" || status === "closed" || status === "all" ? status : "open",
  };
}

/** The query string for a view; defaults are left out so plain links stay plain. */
export function serializePromptView(view: Partial<PromptView>): string {
  const qs = new URLSearchParams();
  if (view.tab && view.tab !== "versions") qs.set("tab", view.tab);
  if (view.version) qs.set("version", String(view.version));
  if (view.from) qs.set("from", String(view.from));
  if (view.to) qs.set("to", String(view.to));
  if (view.label) qs.set("label", view.label);
  if (view.status && view.status !== "open") qs.set("status", view.status);
  return qs.toString();
}

/**
 * The two versions the diff compares: the URL's, else the selected version against the one
 * before it, else the latest against its predecessor (or itself when there is only one).
 */
export function diffPair(view: PromptView, latest: number): { from: number; to: number } {
  const to = Math.min(view.to ?? view.version ?? latest, latest);
  const from = Math.min(view.from ?? Math.max(to - 1, 1), latest);
  return { from, to };
}

/** The version one step away in a newest-first list (j = older, k = newer), clamped to the ends. */
export function stepVersion(versions: number[], current: number | null, step: 1 | -1): number | null {
  if (!versions.length) return null;
  const at = current === null ? -1 : versions.indexOf(current);
  if (at < 0) return versions[0]!;
  return versions[Math.max(0, Math.min(versions.length - 1, at + step))]!;
}
