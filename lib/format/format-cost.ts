import { DASH, isMissing } from "./empty-value";

/**
 * USD: cents from $1 up, three significant digits below (LLM calls cost fractions of a cent,
 * so "$0.00344" and "$0.000165" keep their information), never exponent notation.
 */
export function formatCost(usd: number | null | undefined): string {
  if (isMissing(usd)) return DASH;
  if (usd === 0) return "$0";
  const abs = Math.abs(usd);
  const sign = usd < 0 ? "-" : "";
  if (abs >= 1) return `${sign}$${abs.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  if (abs < 0.000001) return "<$0.000001";
  return `${sign}$${abs.toLocaleString("en-US", { maximumSignificantDigits: 3 })}`;
}
