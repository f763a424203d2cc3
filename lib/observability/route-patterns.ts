import "server-only";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * The app's API route patterns (`/api/projects/[projectId]/alerts`), for metric labels: a label
 * is the pattern a request matched, never its URL, so no request can mint a new time series.
 * Read once: from the source tree (`app/`, which `npm start` builds from), else from the build's
 * route manifest. Unknown paths share one label.
 */
export const UNMATCHED = "unmatched";

type Pattern = { label: string; segments: string[]; rank: number[] };

let patterns: Pattern[] | null = null;

function fromAppDir(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, parts: string[]) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(dir, e.name), e.name.startsWith("(") && e.name.endsWith(")") ? parts : [...parts, e.name]);
      else if (/^route\.(ts|js)$/.test(e.name)) out.push(`/${parts.join("/")}`);
    }
  };
  walk(path.join(root, "app", "api"), ["api"]);
  return out;
}

function fromManifest(root: string): string[] {
  const manifest = JSON.parse(readFileSync(path.join(root, ".next", "app-path-routes-manifest.json"), "utf8")) as Record<string, string>;
  return Object.entries(manifest).filter(([file]) => file.endsWith("/route")).map(([, route]) => route).filter((r) => r.startsWith("/api/"));
}

function load(): Pattern[] {
  const root = process.cwd();
  let routes: string[] = [];
  try {
    routes = fromAppDir(root);
  } catch {
    try {
      routes = fromManifest(root);
    } catch {
      routes = [];
    }
  }
  // Static segments before dynamic ones before catch-alls, as Next resolves them.
  const weight = (s: string) => (s.startsWith("[[...") ? 3 : s.startsWith("[...") ? 2 : s.startsWith("[") ? 1 : 0);
  return routes
    .map((label) => {
      const segments = label.split("/").filter(Boolean);
      return { label, segments, rank: segments.map(weight) };
    })
    .sort((a, b) => {
      for (let i = 0; i < Math.max(a.rank.length, b.rank.length); i++) {
        const d = (a.rank[i] ?? -1) - (b.rank[i] ?? -1);
        if (d !== 0) return d;
      }
      return a.label.localeCompare(b.label);
    });
}

function matches(p: Pattern, parts: string[]): boolean {
  for (let i = 0; i < p.segments.length; i++) {
    const s = p.segments[i]!;
    if (s.startsWith("[[...")) return true;
    if (s.startsWith("[...")) return parts.length > i;
    if (i >= parts.length) return false;
    if (!s.startsWith("[") && s !== parts[i]) return false;
  }
  return parts.length === p.segments.length;
}

/** `/api/projects/x7/alerts/9` → `/api/projects/[projectId]/alerts/[ruleId]`; anything else → "unmatched". */
export function routePattern(pathname: string): string {
  patterns ??= load();
  const parts = pathname.split("/").filter(Boolean);
  return patterns.find((p) => matches(p, parts))?.label ?? UNMATCHED;
}
