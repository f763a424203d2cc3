import { describe, expect, it } from "vitest";
import { sqlPool } from "@/lib/db-sql-pool";

/**
 * A connection lost while a client is checked out but between queries (Postgres restarted, failed
 * over, or an administrator ended the backend) must not end the process: pg emits 'error' on the
 * client, and the pool listens only to idle ones. The worker held such clients for its advisory
 * locks and died in the database-restart test.
 */
describe("the SQL pool when a checked-out connection is lost", () => {
  it("logs it instead of crashing, fails that client's next query, and serves the next checkout from a fresh connection", async () => {
    const pool = sqlPool();
    const held = await pool.connect();
    const pid = (await held.query<{ pid: number }>("select pg_backend_pid() as pid")).rows[0]!.pid;
    const errors: Error[] = [];
    // Counts what the process would see unhandled; vitest also fails the run on an uncaught 'error' event.
    const onUncaught = (e: Error) => errors.push(e);
    process.on("uncaughtException", onUncaught);
    try {
      const other = await pool.connect();
      try {
        await other.query("select pg_terminate_backend($1)", [pid]);
      } finally {
        other.release();
      }
      // The terminated connection's end reaches the held client while no query is active.
      await new Promise((r) => setTimeout(r, 500));
      expect(errors).toEqual([]);
      await expect(held.query("select 1")).rejects.toThrow();
    } finally {
      process.off("uncaughtException", onUncaught);
      held.release();
    }
    const fresh = await pool.connect();
    try {
      const pid2 = (await fresh.query<{ pid: number }>("select pg_backend_pid() as pid")).rows[0]!.pid;
      expect(pid2).not.toBe(pid);
    } finally {
      fresh.release();
    }
  });
});
