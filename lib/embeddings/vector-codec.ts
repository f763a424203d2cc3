/**
 * Vectors are stored as float32 little-endian bytes (bytea): one Buffer per row that is
 * viewed, not parsed, when a drift report loads thousands of them.
 */
export function encodeVector(vector: ArrayLike<number>): Buffer {
  const out = Buffer.alloc(vector.length * 4);
  for (let i = 0; i < vector.length; i++) out.writeFloatLE(vector[i]!, i * 4);
  return out;
}

/** Copies `bytes` into `into` at row `row` (dimension = bytes / 4). */
export function decodeVectorInto(bytes: Uint8Array, into: Float32Array, offset: number): void {
  const n = bytes.byteLength >> 2;
  if (bytes.byteOffset % 4 === 0 && isLittleEndian) {
    into.set(new Float32Array(bytes.buffer, bytes.byteOffset, n), offset);
    return;
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < n; i++) into[offset + i] = view.getFloat32(i * 4, true);
}

export function decodeVector(bytes: Uint8Array): Float32Array {
  const out = new Float32Array(bytes.byteLength >> 2);
  decodeVectorInto(bytes, out, 0);
  return out;
}

const isLittleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * Several vectors for one span field (an OpenInference embedding span that embedded N texts)
 * become one: the mean of the L2-normalised vectors. The span is the unit that drift counts
 * and links to its trace, so it gets one point.
 */
export function meanOfNormalized(vectors: readonly number[][]): number[] {
  const dim = vectors[0]?.length ?? 0;
  const out = new Array<number>(dim).fill(0);
  for (const v of vectors) {
    const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0)) || 1;
    for (let j = 0; j < dim; j++) out[j]! += v[j]! / norm / vectors.length;
  }
  return out;
}
