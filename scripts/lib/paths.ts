import path from "node:path";
import { env } from "../../lib/env";

/** Where Pharos keeps local state (embedded Postgres, secrets, demo credentials). */
export function dataDir(): string {
  return path.resolve(env().PHAROS_DATA_DIR);
}
