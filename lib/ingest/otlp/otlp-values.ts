/** Scalar conversions shared by the protobuf and JSON decoders so both yield identical output. */
import type { AttrValue } from "./otlp-types";
import type { ProtoLong } from "./otlp-proto";

const HEX: string[] = [];
for (let i = 0; i < 256; i++) HEX.push(i.toString(16).padStart(2, "0"));

export function bytesToHex(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i++) out += HEX[bytes[i]!]!;
  return out;
}

export function bytesToBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");
}

export function isLowerOrUpperHex(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ok = (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
    if (!ok) return false;
  }
  return true;
}

const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

/**
 * OTLP/JSON sends ids as hex (a deliberate deviation from the protobuf JSON mapping), but some
 * encoders still emit base64; accept that when it decodes to exactly the expected byte length.
 */
export function jsonIdToHex(value: unknown, byteLength: number): string {
  if (typeof value !== "string" || value === "") return "";
  if (value.length === byteLength * 2 && isLowerOrUpperHex(value)) return value.toLowerCase();
  if (BASE64.test(value)) {
    const bytes = Buffer.from(value, value.includes("-") || value.includes("_") ? "base64url" : "base64");
    if (bytes.length === byteLength) return bytesToHex(bytes);
  }
  // Left as-is so the mapper can reject it with the offending value in the message.
  return value.toLowerCase();
}

const TWO_32 = 4294967296;

function isLongLike(v: unknown): v is { low: number; high: number } {
  return typeof v === "object" && v !== null && "low" in v && "high" in v;
}

/** fixed64 nanosecond timestamps: above 2^53, so never round-trip them through a number. */
export function protoLongToBigint(v: ProtoLong | null | undefined): bigint {
  if (v == null) return 0n;
  if (typeof v === "number") return Number.isFinite(v) ? BigInt(Math.trunc(v)) : 0n;
  return (BigInt(v.high >>> 0) << 32n) | BigInt(v.low >>> 0);
}

/** Signed int64 attribute value: a number when exactly representable, else its decimal string. */
export function protoInt64ToAttr(v: ProtoLong | null | undefined): AttrValue {
  if (v == null) return 0;
  if (typeof v === "number") return v;
  if (!isLongLike(v)) return 0;
  const n = v.high * TWO_32 + (v.low >>> 0);
  if (Number.isSafeInteger(n)) return n;
  return BigInt.asIntN(64, (BigInt(v.high >>> 0) << 32n) | BigInt(v.low >>> 0)).toString();
}

export function jsonInt64ToAttr(v: unknown): AttrValue {
  if (typeof v === "number") {
    if (Number.isSafeInteger(v)) return v;
    return Number.isFinite(v) ? BigInt(Math.trunc(v)).toString() : String(v);
  }
  if (typeof v !== "string") return null;
  const n = Number(v);
  if (Number.isSafeInteger(n) && v.trim() !== "") return n;
  try {
    return BigInt(v).toString();
  } catch {
    return v;
  }
}

/** NaN/Infinity are not JSON; keep them visible as strings rather than letting them become null. */
export function doubleToAttr(v: unknown): AttrValue {
  const n = typeof v === "string" ? Number(v) : v;
  if (typeof n !== "number") return null;
  return Number.isFinite(n) ? n : String(n);
}

/** JSON timestamps arrive as decimal strings (int64 rule) or, from lax encoders, numbers. */
export function jsonNanosToBigint(v: unknown): bigint {
  if (typeof v === "string" && v !== "") {
    try {
      return BigInt(v);
    } catch {
      return 0n;
    }
  }
  if (typeof v === "number" && Number.isFinite(v)) return BigInt(Math.trunc(v));
  return 0n;
}
