import type { Prisma } from "./generated/prisma/client";

/** A validated value as Prisma JSON (Dates become ISO strings, undefined keys drop out). */
export function toJsonValue(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

/** JSON text for a jsonb SQL parameter; null stays SQL NULL. */
export function jsonText(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}
