// Inter-annotator agreement on nominal labels. Pure, so hand-computed examples test it.

export type Rating = { item: string; rater: string; label: string };

/** Items (units) → rater → label. */
function byItem(ratings: Rating[]): Map<string, Map<string, string>> {
  const items = new Map<string, Map<string, string>>();
  for (const r of ratings) {
    const m = items.get(r.item) ?? new Map<string, string>();
    m.set(r.rater, r.label);
    items.set(r.item, m);
  }
  return items;
}

export type KappaResult = { a: string; b: string; items: number; observed: number; kappa: number | null };

/**
 * Cohen's kappa of two raters over the items both labelled: (po − pe) / (1 − pe), pe from each
 * rater's own label shares on those items. null with no shared item; when pe = 1 (both used one
 * and the same label throughout) kappa is undefined and reported as 1, since they agree fully.
 */
export function cohensKappa(ratings: Rating[], a: string, b: string): KappaResult {
  const pairs: Array<[string, string]> = [];
  for (const labels of byItem(ratings).values()) {
    const la = labels.get(a);
    const lb = labels.get(b);
    if (la !== undefined && lb !== undefined) pairs.push([la, lb]);
  }
  const n = pairs.length;
  if (n === 0) return { a, b, items: 0, observed: 0, kappa: null };
  const po = pairs.filter(([x, y]) => x === y).length / n;
  const ca = new Map<string, number>();
  const cb = new Map<string, number>();
  for (const [x, y] of pairs) {
    ca.set(x, (ca.get(x) ?? 0) + 1);
    cb.set(y, (cb.get(y) ?? 0) + 1);
  }
  let pe = 0;
  for (const [label, count] of ca) pe += (count / n) * ((cb.get(label) ?? 0) / n);
  const kappa = pe >= 1 - 1e-12 ? (po === 1 ? 1 : 0) : (po - pe) / (1 - pe);
  return { a, b, items: n, observed: po, kappa };
}

/** Kappa for every pair of raters who share at least one item, raters in sorted order. */
export function pairwiseKappa(ratings: Rating[]): KappaResult[] {
  const raters = [...new Set(ratings.map((r) => r.rater))].sort();
  const out: KappaResult[] = [];
  for (let i = 0; i < raters.length; i++) {
    for (let j = i + 1; j < raters.length; j++) {
      const k = cohensKappa(ratings, raters[i]!, raters[j]!);
      if (k.items > 0) out.push(k);
    }
  }
  return out;
}

/**
 * Krippendorff's alpha for nominal data: 1 − (n − 1)·Σ_{c≠k} o_ck / Σ_{c≠k} n_c·n_k over the
 * coincidence matrix of units with at least two labels (units with one label are unpairable and
 * drop out, which is how missing judgments are handled). null when fewer than two pairable values
 * or when every value is the same label (no variation: expected disagreement is 0).
 */
export function krippendorffAlphaNominal(ratings: Rating[]): number | null {
  const o = new Map<string, Map<string, number>>();
  const add = (c: string, k: string, w: number) => {
    const row = o.get(c) ?? new Map<string, number>();
    row.set(k, (row.get(k) ?? 0) + w);
    o.set(c, row);
  };
  for (const labels of byItem(ratings).values()) {
    const values = [...labels.values()];
    const m = values.length;
    if (m < 2) continue;
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) if (i !== j) add(values[i]!, values[j]!, 1 / (m - 1));
  }
  const nc = new Map<string, number>();
  for (const [c, row] of o) nc.set(c, [...row.values()].reduce((s, v) => s + v, 0));
  const n = [...nc.values()].reduce((s, v) => s + v, 0);
  if (n < 2) return null;
  let observed = 0;
  for (const [c, row] of o) for (const [k, v] of row) if (c !== k) observed += v;
  let expected = 0;
  for (const [c, x] of nc) for (const [k, y] of nc) if (c !== k) expected += x * y;
  if (expected === 0) return null;
  return 1 - ((n - 1) * observed) / expected;
}

export type MajorityAgreement = { rater: string; items: number; agreed: number; rate: number | null };

/**
 * Each rater's agreement with the majority of the *other* raters on the same item (leave-one-out,
 * so a rater does not vote with themself): items where the others have a unique most common
 * label count; agreed = this rater's label equals it.
 */
export function agreementWithMajority(ratings: Rating[]): MajorityAgreement[] {
  const stats = new Map<string, { items: number; agreed: number }>();
  for (const labels of byItem(ratings).values()) {
    for (const [rater, label] of labels) {
      const counts = new Map<string, number>();
      for (const [other, l] of labels) if (other !== rater) counts.set(l, (counts.get(l) ?? 0) + 1);
      const top = uniqueTop(counts);
      if (top === null) continue;
      const s = stats.get(rater) ?? { items: 0, agreed: 0 };
      s.items++;
      if (top === label) s.agreed++;
      stats.set(rater, s);
    }
  }
  const raters = [...new Set(ratings.map((r) => r.rater))].sort();
  return raters.map((rater) => {
    const s = stats.get(rater) ?? { items: 0, agreed: 0 };
    return { rater, ...s, rate: s.items ? s.agreed / s.items : null };
  });
}

/** The single most frequent key, or null when none or tied. */
export function uniqueTop(counts: Map<string, number>): string | null {
  let best: string | null = null;
  let bestCount = 0;
  let tied = false;
  for (const [label, count] of counts) {
    if (count > bestCount) {
      best = label;
      bestCount = count;
      tied = false;
    } else if (count === bestCount) tied = true;
  }
  return tied ? null : best;
}
