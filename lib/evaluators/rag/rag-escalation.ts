/**
 * When the cheap pass of a RAG evaluator is uncertain (pure). Per claim (a statement or a
 * passage), the cheap model's verdict is set against lexical overlap: a "yes" for a claim
 * whose terms barely occur in what it was checked against, or a "no" for one whose terms
 * are nearly all there, is a disagreement, and only those claims go to the strong model.
 * Where the two signals agree, or the overlap says nothing either way (between the bounds),
 * the cheap verdict stands.
 */
export type OverlapBand = { low: number; high: number };
export const DEFAULT_OVERLAP: OverlapBand = { low: 0.2, high: 0.8 };

export function claimDisagreement(verdict: boolean, overlap: number, band: OverlapBand): string | null {
  if (verdict && overlap < band.low) return `the cheap model said yes, but only ${pct(overlap)} of its terms occur in what it was checked against (below ${pct(band.low)})`;
  if (!verdict && overlap >= band.high) return `the cheap model said no, but ${pct(overlap)} of its terms occur in one passage (at least ${pct(band.high)})`;
  return null;
}

/** Answer relevancy: a cheap score inside the band (inclusive) is uncertain. */
export type ScoreBand = { min: number; max: number };
export const DEFAULT_RELEVANCY_BAND: ScoreBand = { min: 0.4, max: 0.7 };

export function scoreUncertain(score: number, band: ScoreBand): string | null {
  return score >= band.min && score <= band.max ? `the cheap score ${score.toFixed(3)} is in the uncertain band ${band.min}–${band.max}` : null;
}

const pct = (r: number) => `${Math.round(r * 100)}%`;
