/** Number formats for the trace detail and session views; cost, duration and tokens come from the shared lib/format-units. */
export { formatCost, formatDuration as formatMs, formatTokens } from "@/lib/format-units";

export function formatScoreValue(value: unknown, dataType: string, name: string): string {
  if (dataType === "BOOLEAN") return name === "user_feedback" ? (value ? "thumbs up" : "thumbs down") : String(value);
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : value.toFixed(3);
  return String(value ?? "—");
}
