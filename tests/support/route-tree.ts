// The app/ folder tree, walked the way Next's App Router reads it.
import { readdir } from "node:fs/promises";
import path from "node:path";

export const APP = path.resolve(import.meta.dirname, "../../app");

/** `dir` and every folder below it. */
export async function folders(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const here = entries.filter((e) => e.isDirectory()).map((e) => path.join(dir, e.name));
  return [dir, ...(await Promise.all(here.map(folders))).flat()];
}

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

export type RouteFile = {
  /** The route's URL pattern under app/, e.g. "api/projects/[projectId]/alerts/[ruleId]". */
  route: string;
  /** Its dynamic segments, each keyed by the static segment before it: "alerts/[ruleId]". */
  segments: { name: string; key: string }[];
  file: string;
};

/** Every route.ts under app/<under>, with its URL pattern and dynamic segments. */
export async function routeFiles(under: string): Promise<RouteFile[]> {
  const out: RouteFile[] = [];
  for (const dir of await folders(path.join(APP, under))) {
    const names = (await readdir(dir)).filter((f) => /^route\.(ts|tsx|js)$/.test(f));
    for (const name of names) {
      // Route groups "(…)" add no URL segment.
      const parts = path.relative(APP, dir).split(path.sep).filter((p) => !(p.startsWith("(") && p.endsWith(")")));
      const segments = parts.flatMap((p, i) => (p.startsWith("[") ? [{ name: p.slice(1, -1).replace(/^\.\.\./, ""), key: `${parts[i - 1]}/${p}` }] : []));
      out.push({ route: parts.join("/"), segments, file: path.join(dir, name) });
    }
  }
  return out.sort((a, b) => a.route.localeCompare(b.route));
}
