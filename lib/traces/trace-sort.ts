import { decodeCursor as decodeParts, encodeCursor as encodeParts, INVALID_CURSOR, PG_TIME_TEXT, TIME_TEXT } from "../cursor";
import { AppError } from "../errors";
import { Prisma } from "../generated/prisma/client";
import type { TraceSort } from "../schemas/traces";

type SortDef = { expr: Prisma.Sql; key: Prisma.Sql; cast: (v: string) => Prisma.Sql; valid: (v: string) => boolean };

const NUMERIC = /^-?\d+(\.\d+)?$/;

/**
 * Each sort column with the SQL that orders by it and the exact text form of its value that
 * goes into the cursor. Values round-trip as text (µs timestamps, numeric, bigint), never as
 * JS numbers or Dates, so a cursor compares equal to the row it came from.
 */
export const SORTS: Record<TraceSort, SortDef> = {
  startTime: {
    expr: Prisma.sql`t.start_time`,
    key: Prisma.raw(PG_TIME_TEXT("t.start_time")),
    cast: (v) => Prisma.sql`${v}::timestamptz`,
    valid: (v) => TIME_TEXT.test(v),
  },
  latency: {
    // Seconds as numeric (exact to the µs), so the cursor value compares exactly.
    expr: Prisma.sql`extract(epoch from (t.end_time - t.start_time))`,
    key: Prisma.sql`extract(epoch from (t.end_time - t.start_time))::text`,
    cast: (v) => Prisma.sql`${v}::numeric`,
    valid: (v) => NUMERIC.test(v),
  },
  cost: { expr: Prisma.sql`t.total_cost`, key: Prisma.sql`t.total_cost::text`, cast: (v) => Prisma.sql`${v}::numeric`, valid: (v) => NUMERIC.test(v) },
  tokens: {
    expr: Prisma.sql`(t.input_tokens + t.output_tokens)`,
    key: Prisma.sql`(t.input_tokens + t.output_tokens)::text`,
    cast: (v) => Prisma.sql`${v}::bigint`,
    valid: (v) => /^\d{1,19}$/.test(v),
  },
};

export type Cursor = { sort: TraceSort; order: "asc" | "desc"; value: string; id: string };

export function encodeCursor(c: Cursor): string {
  return encodeParts([c.sort, c.order, c.value, c.id]);
}

/** A cursor is only valid for the sort and order it was made with. */
export function decodeCursor(cursor: string, sort: TraceSort, order: "asc" | "desc"): Cursor {
  const parsed = decodeParts(cursor, 4);
  const [s, o, value, id] = parsed;
  if (s !== sort || o !== order) throw new AppError("INVALID", `query.cursor: made for sort=${s}&order=${o}, not sort=${sort}&order=${order}; start again without a cursor`);
  if (!SORTS[sort].valid(value!)) throw new AppError("INVALID", INVALID_CURSOR);
  return { sort, order, value: value!, id: id! };
}

/** Rows strictly after the cursor in (sort value, id) order: the keyset condition. */
export function afterCursor(c: Cursor): Prisma.Sql {
  const def = SORTS[c.sort];
  return c.order === "desc"
    ? Prisma.sql`(${def.expr}, t.id) < (${def.cast(c.value)}, ${c.id})`
    : Prisma.sql`(${def.expr}, t.id) > (${def.cast(c.value)}, ${c.id})`;
}

export function orderBy(sort: TraceSort, order: "asc" | "desc"): Prisma.Sql {
  const dir = order === "desc" ? Prisma.sql`desc` : Prisma.sql`asc`;
  return Prisma.sql`order by ${SORTS[sort].expr} ${dir}, t.id ${dir}`;
}
