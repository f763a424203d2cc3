// Real connection failures (a port nobody listens on), not hand-made error objects: the shapes
// pg and Prisma actually throw must map to 503 + Retry-After.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { freePort } from "../scripts/lib/embedded-postgres";
import { createPrismaClient } from "./db-client";
import { isDatabaseUnavailable } from "./db-errors";
import { AppError, toResponse } from "./errors";

const unreachable = async () => `postgresql://nobody:nothing@127.0.0.1:${await freePort()}/none`;

describe("database unavailable → 503", () => {
  it("pg: a refused connection", async () => {
    const client = new pg.Client({ connectionString: await unreachable() });
    const error = await client.connect().then(() => null, (e: unknown) => e);
    expect(isDatabaseUnavailable(error)).toBe(true);
    const res = toResponse(error);
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await res.json()).toMatchObject({ error: { code: "UNAVAILABLE" } });
  });

  it("pg pool: a connection timeout and the pool's own messages", async () => {
    expect(isDatabaseUnavailable(new Error("timeout exceeded when trying to connect"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("the database system is starting up"), { code: "57P03" }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("connection failure"), { code: "08006" }))).toBe(true);
  });

  it("Prisma through the pg adapter: P1001", async () => {
    const db = createPrismaClient(await unreachable(), { poolSize: 1, connectTimeoutMs: 2_000 });
    const error = await db.$queryRaw`select 1`.then(() => null, (e: unknown) => e);
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(toResponse(error).status).toBe(503);
    await db.$disconnect();
  });

  it("leaves other errors alone", () => {
    expect(isDatabaseUnavailable(new Error("boom"))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("duplicate key"), { code: "23505" }))).toBe(false);
    expect(toResponse(new AppError("INVALID", "body.x: bad")).status).toBe(400);
    expect(toResponse(z.string().safeParse(1).error).status).toBe(400);
  });
});
