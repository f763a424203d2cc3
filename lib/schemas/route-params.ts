import { z } from "zod";
import { illFormedPath } from "../text/well-formed";

/** A dynamic route segment: Next hands it over as a non-empty string. */
const segment = z.string().min(1);

/** The params schema of a route whose dynamic segments are all ids: `routeParams("datasetId", "itemId")`. */
export function routeParams<K extends string>(...names: K[]) {
  return z.object(Object.fromEntries(names.map((name) => [name, segment])) as Record<K, typeof segment>);
}

/**
 * A segment that is a user-given name (`/api/public/datasets/{name}/items`): names may hold
 * spaces, Korean, "/". Next decodes segments once; a client that encoded twice, or a caller
 * that hands over the raw segment, still gets the name — so one more percent-decoding is
 * applied when the value still holds an escape. (A name with a literal "%41"-style sequence
 * therefore cannot be addressed by URL; such names are vanishingly rare.)
 */
export const nameSegment = segment.transform((value, ctx) => {
  if (!/%[0-9A-Fa-f]{2}/.test(value)) return value;
  let decoded = value;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return value;
  }
  // "%00" decodes to NUL, which Postgres cannot compare against (it was a 500).
  if (illFormedPath(decoded, "name") !== undefined) {
    ctx.addIssue({ code: "custom", message: "must not contain NUL characters or unpaired UTF-16 surrogates" });
    return z.NEVER;
  }
  return decoded;
});
