import path from "node:path";

/** Where Pharos keeps local state (embedded Postgres, secrets, demo credentials). */
export function dataDir(): string {
  return path.resolve(process.env.PHAROS_DATA_DIR ?? ".pharos");
}
