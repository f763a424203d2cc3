import { AppError } from "../errors";

/** Deeper JSON than this is refused: validators, serializers and Postgres recurse per level, and 100,000 nested arrays overflowed the stack (a 500). */
export const MAX_JSON_DEPTH = 128;

/** Throws a 400 when a parsed JSON value nests deeper than MAX_JSON_DEPTH (walked without recursion). */
export function assertJsonDepth(value: unknown, where = "body"): void {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== "object" || v === null) continue;
    if (depth > MAX_JSON_DEPTH) throw new AppError("INVALID", `${where}: nested deeper than ${MAX_JSON_DEPTH} levels`);
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (typeof child === "object" && child !== null) stack.push([child, depth + 1]);
  }
}
