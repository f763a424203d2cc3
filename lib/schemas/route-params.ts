import { z } from "zod";

/** A dynamic route segment: Next hands it over as a non-empty string. */
const segment = z.string().min(1);

/** The params schema of a route whose dynamic segments are all ids: `routeParams("datasetId", "itemId")`. */
export function routeParams<K extends string>(...names: K[]) {
  return z.object(Object.fromEntries(names.map((name) => [name, segment])) as Record<K, typeof segment>);
}
