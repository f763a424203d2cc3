/** A set of n vectors of one dimension, row-major in one Float32Array (cheap to load and scan). */
export type VectorSet = { data: Float32Array; n: number; dim: number };

export function vectorSet(rows: ArrayLike<number>[], dim?: number): VectorSet {
  const d = dim ?? rows[0]?.length ?? 0;
  const data = new Float32Array(rows.length * d);
  rows.forEach((r, i) => {
    if (r.length !== d) throw new Error(`vector ${i} has dimension ${r.length}, expected ${d}`);
    data.set(r as ArrayLike<number>, i * d);
  });
  return { data, n: rows.length, dim: d };
}

export function row(set: VectorSet, i: number): Float32Array {
  return set.data.subarray(i * set.dim, (i + 1) * set.dim);
}

/** The rows at `indices`, copied into a new set. */
export function pick(set: VectorSet, indices: ArrayLike<number>): VectorSet {
  const data = new Float32Array(indices.length * set.dim);
  for (let k = 0; k < indices.length; k++) data.set(row(set, indices[k]!), k * set.dim);
  return { data, n: indices.length, dim: set.dim };
}

/** Rows L2-normalised in place (zero rows stay zero). */
export function normalizeRows(set: VectorSet): VectorSet {
  const { data, n, dim } = set;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = i * dim; j < (i + 1) * dim; j++) s += data[j]! * data[j]!;
    if (s > 0) {
      const inv = 1 / Math.sqrt(s);
      for (let j = i * dim; j < (i + 1) * dim; j++) data[j]! *= inv;
    }
  }
  return set;
}

export function columnSums(set: VectorSet): Float64Array {
  const sums = new Float64Array(set.dim);
  const { data, n, dim } = set;
  for (let i = 0; i < n; i++) {
    const o = i * dim;
    for (let j = 0; j < dim; j++) sums[j]! += data[o + j]!;
  }
  return sums;
}

export function centroid(set: VectorSet): Float64Array {
  const sums = columnSums(set);
  if (set.n) for (let j = 0; j < sums.length; j++) sums[j]! /= set.n;
  return sums;
}

export function euclidean(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let j = 0; j < a.length; j++) {
    const d = a[j]! - b[j]!;
    s += d * d;
  }
  return Math.sqrt(s);
}

/** Reference and current rows stacked into one set (reference first). */
export function concat(a: VectorSet, b: VectorSet): VectorSet {
  if (a.dim !== b.dim) throw new Error(`cannot compare dimension ${a.dim} with ${b.dim}`);
  const data = new Float32Array((a.n + b.n) * a.dim);
  data.set(a.data.subarray(0, a.n * a.dim), 0);
  data.set(b.data.subarray(0, b.n * b.dim), a.n * a.dim);
  return { data, n: a.n + b.n, dim: a.dim };
}
