/** A score as the trace and session views show it: feedback booleans in words, fractions to three places. */
export function formatScoreValue(value: unknown, dataType: string, name: string): string {
  if (dataType === "BOOLEAN") return name === "user_feedback" ? (value ? "thumbs up" : "thumbs down") : String(value);
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : value.toFixed(3);
  return String(value ?? "—");
}
