import "server-only";
// recheck (ReDoS checker by automaton analysis + fuzzing): decides whether a regex can
// backtrack super-linearly, which a heuristic such as star height gets wrong both ways.
import { checkSync } from "recheck";

const CHECK_TIMEOUT_MS = 2_000;

/**
 * Why a user-supplied regular expression could stall the process (catastrophic backtracking),
 * or null when it is safe. Custom PII patterns and price-override model patterns run on the
 * shared ingest path, so one project's pattern must not be able to slow every other project.
 * A pattern that cannot be proven safe in time is refused too.
 */
export function backtrackingProblem(pattern: string, flags = ""): string | null {
  const result = checkSync(pattern, flags.replace(/[^imsuv]/g, ""), { timeout: CHECK_TIMEOUT_MS });
  if (result.status === "safe") return null;
  if (result.status === "vulnerable") {
    const growth = result.complexity.type === "exponential" ? "exponentially" : "polynomially";
    return `Pattern can backtrack ${growth} on some inputs (e.g. nested or overlapping repetition such as (a+)+); rewrite it so each character can be matched only one way`;
  }
  return "Pattern could not be proven safe from catastrophic backtracking; simplify it";
}
