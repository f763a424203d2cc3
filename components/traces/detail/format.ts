/** Number formats shared by the trace detail and session views. */
export function formatMs(ms: number | null | undefined): string {
  if (ms == null || !Number.isFinite(ms)) return "—";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const s = Math.round(ms / 1000);
  if (s < 3600) return `${Math.floor(s / 60)}m ${s % 60}s`;
  if (s < 86_400) return `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}m`;
  return `${Math.floor(s / 86_400)}d ${Math.floor((s % 86_400) / 3600)}h`;
}

export function formatCost(usd: number | null | undefined): string {
  if (usd == null) return "—";
  if (usd === 0) return "$0";
  // Two significant digits for tiny per-call costs, never exponent notation.
  if (usd < 0.01) return `$${usd.toFixed(Math.min(10, 1 - Math.floor(Math.log10(usd))))}`;
  return `$${usd < 1 ? usd.toFixed(4) : usd.toFixed(2)}`;
}

export function formatTokens(n: number | null | undefined): string {
  return n == null ? "—" : n.toLocaleString("en-US");
}

export function formatScoreValue(value: unknown, dataType: string, name: string): string {
  if (dataType === "BOOLEAN") return name === "user_feedback" ? (value ? "thumbs up" : "thumbs down") : String(value);
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : value.toFixed(3);
  return String(value ?? "—");
}
