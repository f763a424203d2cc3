/** Random lowercase hex from the platform CSPRNG (Node ≥ 19 and browsers expose globalThis.crypto). */
export function randomHex(bytes: number): string {
  const buf = new Uint8Array(bytes);
  globalThis.crypto.getRandomValues(buf);
  let out = "";
  for (const b of buf) out += b.toString(16).padStart(2, "0");
  return out;
}

/** 16 bytes, the W3C/OpenTelemetry trace id size, so ids survive a later switch to OTLP. */
export const newTraceId = () => randomHex(16);
/** 8 bytes, the OpenTelemetry span id size. */
export const newSpanId = () => randomHex(8);
export const newEventId = () => randomHex(16);

/**
 * Keep/drop a trace from its id alone, so every span of a trace (and every process that
 * sees the same id) makes the same decision. FNV-1a is enough: ids are already random.
 */
export function isSampled(traceId: string, sampleRate: number): boolean {
  if (!(sampleRate < 1)) return true;
  if (!(sampleRate > 0)) return false;
  let hash = 0x811c9dc5;
  for (let i = 0; i < traceId.length; i++) {
    hash ^= traceId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash / 0x1_0000_0000 < sampleRate;
}
