import { fmix, murmur3 } from "./hash";

/**
 * The built-in offline embedder: no weights, no network, deterministic, Korean and English.
 *
 *   text → NFKC, lower-case → features: word unigrams (Unicode letters/digits) and character
 *   3–5-grams of each space-padded word → signed feature hashing into 2^20 buckets →
 *   TF-IDF (sublinear tf; IDF from a frozen document-frequency table, see below) →
 *   seeded very sparse random projection (each bucket adds ±1/√4 to 4 of 384 output dims;
 *   the matrix is never stored, positions and signs are hashed from (bucket, seed)) →
 *   word and character parts each L2-normalised, summed, L2-normalised again.
 *
 * Where IDF comes from: an `IdfTable` of document frequencies over 2^16 hashed buckets, fitted
 * once per project and field on a deterministic sample of its texts and then frozen (stored
 * by the worker). Vectors embedded with different tables are not comparable, so the table's
 * fingerprint is part of the model name (`pharos-offline-v1+idf.<fp>`), and drift never
 * compares vectors across model names. Without a table every IDF is 1 (plain sublinear TF).
 * Refitting IDF per batch was rejected: the same text would get different vectors in
 * different batches, and that difference would itself look like drift.
 */
export const OFFLINE_DIM = 384;
export const OFFLINE_MODEL = "pharos-offline-v1";
const FEATURE_BITS = 20;
const FEATURE_MASK = (1 << FEATURE_BITS) - 1;
export const IDF_BITS = 16;
const IDF_MASK = (1 << IDF_BITS) - 1;
const NONZEROS = 4;
const SCALE = 1 / Math.sqrt(NONZEROS);
const DEFAULT_SEED = 0x9e3779b1;
const WORD = /[\p{L}\p{N}]+/gu;
const MAX_CHARS = 8_000;

export type IdfTable = { docs: number; df: Uint32Array };

/** Signed hashed features of one text: word part and character part, counts per signed bucket. */
export function textFeatures(text: string, seed = DEFAULT_SEED): { words: Map<number, number>; chars: Map<number, number> } {
  const words = new Map<number, number>();
  const chars = new Map<number, number>();
  const normalized = text.slice(0, MAX_CHARS).normalize("NFKC").toLowerCase();
  for (const match of normalized.matchAll(WORD)) {
    const word = match[0];
    add(words, murmur3("w\u0001" + word, seed));
    const padded = " " + word + " ";
    for (let n = 3; n <= 5; n++) {
      for (let i = 0; i + n <= padded.length; i++) add(chars, murmur3("c\u0001" + padded.slice(i, i + n), seed));
    }
    // Words shorter than 3 characters (e.g. one Hangul syllable) still need a character feature.
    if (padded.length < 3) add(chars, murmur3("c\u0001" + padded, seed));
  }
  return { words, chars };
}

/** Key = bucket (20 bits); the sign lives in the count (hash bit 31 decides it). */
function add(into: Map<number, number>, h: number) {
  const bucket = h & FEATURE_MASK;
  const sign = h >>> 31 ? -1 : 1;
  into.set(bucket, (into.get(bucket) ?? 0) + sign);
}

function idfOf(table: IdfTable | null, bucket: number): number {
  if (!table) return 1;
  return Math.log((1 + table.docs) / (1 + table.df[bucket & IDF_MASK]!)) + 1;
}

function projectInto(out: Float64Array, features: Map<number, number>, idf: IdfTable | null, seed: number) {
  for (const [bucket, count] of features) {
    if (count === 0) continue;
    const tf = Math.sign(count) * (1 + Math.log(Math.abs(count)));
    const w = tf * idfOf(idf, bucket) * SCALE;
    let h = fmix(bucket ^ seed);
    for (let j = 0; j < NONZEROS; j++) {
      h = fmix(h + j + 1);
      const dim = h % OFFLINE_DIM;
      out[dim]! += (h & 0x40000000) ? -w : w;
    }
  }
}

function normalizeInPlace(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]! * v[i]!;
  const norm = Math.sqrt(s);
  if (norm > 0) for (let i = 0; i < v.length; i++) v[i]! /= norm;
  return norm;
}

/** One L2-normalised 384-d vector (all zeros only for text without letters or digits). */
export function embedOffline(text: string, idf: IdfTable | null = null, seed = DEFAULT_SEED): Float32Array {
  const { words, chars } = textFeatures(text, seed);
  const w = new Float64Array(OFFLINE_DIM);
  const c = new Float64Array(OFFLINE_DIM);
  projectInto(w, words, idf, seed);
  projectInto(c, chars, idf, seed);
  normalizeInPlace(w);
  normalizeInPlace(c);
  for (let i = 0; i < OFFLINE_DIM; i++) w[i]! += c[i]!;
  normalizeInPlace(w);
  return Float32Array.from(w);
}

/** Document frequencies of hashed features over `texts` (each text counts once per bucket). */
export function fitIdf(texts: readonly string[], seed = DEFAULT_SEED): IdfTable {
  const df = new Uint32Array(1 << IDF_BITS);
  const seen = new Set<number>();
  for (const text of texts) {
    seen.clear();
    const { words, chars } = textFeatures(text, seed);
    for (const b of words.keys()) seen.add(b & IDF_MASK);
    for (const b of chars.keys()) seen.add(b & IDF_MASK);
    for (const b of seen) df[b]!++;
  }
  return { docs: texts.length, df };
}

/** A short stable fingerprint of an IDF table, used in the model name. */
export function idfFingerprint(table: IdfTable): string {
  let h = fmix(table.docs);
  for (let i = 0; i < table.df.length; i++) if (table.df[i]) h = fmix(h ^ Math.imul(i + 1, 0x9e3779b1) ^ table.df[i]!);
  return h.toString(16).padStart(8, "0");
}

export function offlineModelName(idf: IdfTable | null): string {
  return idf ? `${OFFLINE_MODEL}+idf.${idfFingerprint(idf)}` : OFFLINE_MODEL;
}

/** Compact storage form (df saturates at 65535; bytes little-endian). */
export function idfToBytes(table: IdfTable): Buffer {
  const out = Buffer.alloc(4 + table.df.length * 2);
  out.writeUInt32LE(table.docs, 0);
  for (let i = 0; i < table.df.length; i++) out.writeUInt16LE(Math.min(65535, table.df[i]!), 4 + i * 2);
  return out;
}

export function idfFromBytes(bytes: Uint8Array): IdfTable {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const df = new Uint32Array(1 << IDF_BITS);
  for (let i = 0; i < df.length; i++) df[i] = buf.readUInt16LE(4 + i * 2);
  return { docs: buf.readUInt32LE(0), df };
}
