/**
 * A request target fit for a log line: the path without its query, each segment that is not a
 * plain word or a version like `v1` (ids, and the tokens invite and verification links carry) replaced by `…`. Logs are
 * read by more people than the database, and a token in a log is a working link.
 */
export function loggablePath(url: string | undefined): string {
  const pathname = (url ?? "").split(/[?#]/, 1)[0] ?? "";
  return pathname
    .split("/")
    .map((segment) => (segment === "" || (segment.length <= 24 && /^([a-z]+(-[a-z]+)*|v\d+)$/i.test(segment)) ? segment : "…"))
    .join("/") || "/";
}
