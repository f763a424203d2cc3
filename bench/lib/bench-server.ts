// Pharos as `npm start` runs it, on a benchmark's own database, initialised headlessly with one
// project and a known secret key; ingest limits opened so the benchmark measures the path, not
// the rate limiter or the queue bound.
import { ensureBuild } from "../../scripts/lib/build";
import { startPharos } from "../../tests/support/pharos-server";

export async function startBenchPharos(options: { databaseUrl: string; publicKey: string; secretKey: string; env?: Record<string, string> }) {
  // Built first, outside the server's start-up timeout: a first build on a busy machine takes minutes.
  await ensureBuild((line) => console.log(line));
  return startPharos({
    databaseUrl: options.databaseUrl,
    env: {
      PHAROS_INIT_ORG_NAME: "Bench", PHAROS_INIT_PROJECT_NAME: "Bench", PHAROS_INIT_USER_EMAIL: "bench@example.test", PHAROS_INIT_USER_PASSWORD: "bench-password",
      PHAROS_INIT_PROJECT_PUBLIC_KEY: options.publicKey, PHAROS_INIT_PROJECT_SECRET_KEY: options.secretKey,
      PHAROS_INGEST_RATE_LIMIT_PER_MINUTE: "1000000000", PHAROS_INGEST_QUEUE_ROWS: "200000",
      ...(process.env.BENCH_SERVER_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS } : {}),
      ...options.env,
    },
  });
}
