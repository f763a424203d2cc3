/**
 * Cost, duration and token formats shared by every page that shows a trace (explorer, trace
 * detail, sessions, inbox, golden sets, overview), so one trace reads the same everywhere.
 */
const DASH = "—";

function trimZero(s: string): string {
  return s.replace(/\.0+$/, "").replace(/(\.\d*?)0+$/, "$1");
}

/**
 * Milliseconds as "4.3 ms", "85 ms", "1.24 s", "12.5 s", then "2m 6s", "1h 5m", "2d 3h":
 * precision shrinks as the number grows, and long spans (sessions) keep two units.
 */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return DASH;
  if (ms < 0) return `-${formatDuration(-ms)}`;
  if (ms < 10) return `${trimZero(ms.toFixed(1))} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 10_000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  if (s < 3600) return `${Math.floor(s / 60)}m ${s % 60}s`;
  if (s < 86_400) return `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}m`;
  return `${Math.floor(s / 86_400)}d ${Math.floor((s % 86_400) / 3600)}h`;
}

/**
 * USD: cents from $1 up, three significant digits below (LLM calls cost fractions of a cent,
 * so "$0.00344" and "$0.000165" keep their information), never exponent notation.
 */
export function formatCost(usd: number | null | undefined): string {
  if (usd === null || usd === undefined || !Number.isFinite(usd)) return DASH;
  if (usd === 0) return "$0";
  const abs = Math.abs(usd);
  const sign = usd < 0 ? "-" : "";
  if (abs >= 1) return `${sign}$${abs.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  if (abs < 0.000001) return "<$0.000001";
  return `${sign}$${abs.toLocaleString("en-US", { maximumSignificantDigits: 3 })}`;
}

/** Token counts in full with thousands separators ("1,145"): exact counts matter when comparing calls. */
export function formatTokens(n: number | null | undefined): string {
  return n === null || n === undefined || !Number.isFinite(n) ? DASH : n.toLocaleString("en-US");
}
