// Runs a command with DATABASE_URL pointing at the embedded Postgres in the data dir
// (or the DATABASE_URL you already set), e.g. `npm run with-db -- prisma migrate dev`.
import { spawn } from "node:child_process";
import { env } from "../lib/env";
import { startEmbeddedPostgres } from "./lib/embedded-postgres";
import { dataDir } from "./lib/paths";

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error("usage: tsx scripts/with-db.ts <command> [args…]");
  process.exit(2);
}
const given = env().DATABASE_URL;
const embedded = given ? null : await startEmbeddedPostgres({ dir: `${dataDir()}/pg`, database: "pharos" });
const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, DATABASE_URL: given ?? embedded!.url }, shell: false });
const code: number = await new Promise((resolve) => child.on("close", (c) => resolve(c ?? 1)));
await embedded?.stop();
process.exit(code);
