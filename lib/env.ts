import { z } from "zod";
import { parseTrustedProxies } from "./client-ip/trusted-proxies";

const flag = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => v === "true" || v === "1");
const count = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const optionalCount = z.coerce.number().int().positive().optional();
const text = z.string().optional();

/**
 * Every setting Pharos reads, in one place: code reads `env()` (or `databaseUrl()` /
 * `nextAuthSecret()` for the two it cannot run without), never `process.env`. The launcher
 * (`scripts/start.ts`) writes DATABASE_URL and NEXTAUTH_SECRET before it starts the server
 * and the worker, so they are optional here and required by their accessors.
 */
const serverEnvSchema = z.object({
  DATABASE_URL: z.string().min(1).optional(),
  NEXTAUTH_SECRET: z.string().min(16, "NEXTAUTH_SECRET must be at least 16 characters").optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  PORT: count(3000),
  PHAROS_DATA_DIR: z.string().min(1).default(".pharos"),
  /**
   * What `npm start` runs (docs/scaling.md): `all` (default) migrates, initializes (demo or
   * PHAROS_INIT_*) and runs the web server and the worker; `web` runs only the web server and
   * `worker` only the worker — replicas beside one `all`, so they migrate (a no-op under
   * Prisma's advisory lock) but never seed. Replicas need the same NEXTAUTH_SECRET (and
   * PHAROS_ENCRYPTION_KEY) as the rest: sessions and stored provider keys are sealed with it.
   */
  PHAROS_ROLE: z.enum(["all", "web", "worker"]).default("all"),
  /**
   * Scheduling priority (nice, 0–19) of the worker `npm start` runs beside the web server: online
   * evaluation, runs, embeddings and drift are background work and yield the CPU to ingest when
   * they compete (docs/benchmarks.md, bench:rag). 0 keeps the worker at the web server's priority.
   */
  PHAROS_WORKER_NICE: z.coerce.number().int().min(0).max(19).default(0),
  PHAROS_DISABLE_SIGNUP: flag,
  PHAROS_INVITE_TTL_HOURS: count(72),
  /** Outgoing mail for email verification: smtp://user:pass@host:port (smtps:// for TLS). Unset: no mail is sent (README: "Email verification"). */
  PHAROS_SMTP_URL: z.preprocess((v) => (v === "" ? undefined : v), z.string().regex(/^smtps?:\/\//, "must start with smtp:// or smtps://").optional()),
  PHAROS_MAIL_FROM: z.string().default("Pharos <pharos@localhost>"),
  PHAROS_EMAIL_VERIFICATION_TTL_HOURS: count(24),
  /** GitHub's REST API, asked for the verified primary email of a GitHub sign-in (tests point it at a fake). */
  PHAROS_GITHUB_API_URL: z.string().url().default("https://api.github.com"),
  /**
   * Which hops in front of Pharos may name the client in X-Forwarded-For (README "Behind a proxy"):
   * unset trusts none (the client is the connection's peer); a hop count (1 = one load balancer);
   * or proxy addresses / CIDR ranges / loopback, linklocal, uniquelocal, comma-separated.
   */
  PHAROS_TRUSTED_PROXIES: z
    .string()
    .default("")
    .superRefine((value, ctx) => {
      try {
        parseTrustedProxies(value);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
      }
    }),
  /** Failed password sign-ins per account before 429; one more is allowed every 15 min / burst, lockouts double. */
  PHAROS_SIGNIN_FAILURES_PER_ACCOUNT: count(5),
  /** Failed password sign-ins per client IP (the client address: PHAROS_TRUSTED_PROXIES) before 429. */
  PHAROS_SIGNIN_FAILURES_PER_IP: count(20),
  /** Sign-up requests per client IP per hour (and a third of that per email address). */
  PHAROS_SIGNUP_PER_IP_PER_HOUR: count(10),
  PHAROS_DB_POOL: count(10),
  /** Connecting to Postgres gives up after this (a stopped or unreachable server answers 503, never hangs a request). */
  PHAROS_DB_CONNECT_TIMEOUT_MS: count(5_000),
  /** Any query gives up after this on the client side (a frozen server: the statement_timeout of Postgres cannot fire). */
  PHAROS_DB_QUERY_TIMEOUT_MS: count(60_000),
  /** Each statement of an ingest write gives up after this: the request answers 503 and the SDK retries. */
  PHAROS_INGEST_WRITE_TIMEOUT_MS: count(5_000),
  PHAROS_ENCRYPTION_KEY: text,
  PHAROS_OUTBOUND_ALLOWED_HOSTS: z.string().default(""),
  PHAROS_METRICS_TOKEN: text,
  /** Benchmarks only: lets the prompt fetch honour `x-pharos-bench-cache: off` (bench/prompts measures what the cache buys). */
  PHAROS_BENCH_MODE: flag,
  PHAROS_INGEST_POOL: count(4),
  PHAROS_INGEST_RATE_LIMIT_PER_MINUTE: count(12_000),
  PHAROS_INGEST_RATE_LIMIT_BURST: optionalCount,
  /** Guard calls (POST /api/public/guard) per minute per secret key; a tenth of it (at least 100) may come at once. */
  PHAROS_GUARD_RATE_LIMIT_PER_MINUTE: count(60_000),
  /** Feedback requests per minute from one client IP (public keys are in every browser). */
  PHAROS_FEEDBACK_RATE_LIMIT_PER_IP_PER_MINUTE: count(120),
  /** Hours feedback for a not-yet-received trace waits for it before the worker drops it. */
  PHAROS_PENDING_FEEDBACK_HOURS: count(24),
  /** At most this many pending feedback rows per project; beyond it, feedback for unknown traces is refused (429). */
  PHAROS_PENDING_FEEDBACK_MAX: count(10_000),
  /** Of those, at most this many from one client (address, IPv6 per /64) per project within PHAROS_PENDING_FEEDBACK_HOURS. */
  PHAROS_PENDING_FEEDBACK_PER_CLIENT: count(1_000),
  PHAROS_INGEST_MAX_BODY_BYTES: count(5 * 1024 * 1024),
  PHAROS_INGEST_MAX_INFLATED_BYTES: count(20 * 1024 * 1024),
  PHAROS_INGEST_QUEUE_ROWS: count(50_000),
  /** Ingest requests (batch and OTLP) worked on at once per web process; beyond it, 503 + Retry-After at once. */
  PHAROS_INGEST_MAX_IN_FLIGHT: count(64),
  PHAROS_INGEST_WRITERS: count(2),
  PHAROS_INGEST_WRITE_ROWS: count(5_000),
  PHAROS_INGEST_LINGER_MS: z.coerce.number().int().nonnegative().default(2),
  PHAROS_INIT_ORG_NAME: text,
  PHAROS_INIT_PROJECT_NAME: text,
  PHAROS_INIT_USER_EMAIL: text,
  PHAROS_INIT_USER_PASSWORD: text,
  PHAROS_INIT_PROJECT_PUBLIC_KEY: text,
  PHAROS_INIT_PROJECT_SECRET_KEY: text,
  GITHUB_CLIENT_ID: text,
  GITHUB_CLIENT_SECRET: text,
  GOOGLE_CLIENT_ID: text,
  GOOGLE_CLIENT_SECRET: text,
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: text,
  OIDC_CLIENT_SECRET: text,
  OIDC_NAME: z.string().default("Single sign-on"),
});

export type ServerEnv = z.infer<typeof serverEnvSchema>;

const KEYS = Object.keys(serverEnvSchema.shape) as (keyof ServerEnv)[];

/** The names of every setting (tests remove them from the environment they did not set). */
export const SETTING_NAMES: readonly string[] = KEYS;
let cached: { fingerprint: string; value: ServerEnv } | undefined;

/**
 * The validated environment. Read per use, not at import, so that `next build` can load
 * route modules without a database and operators (and tests) can change a limit without
 * reloading modules; the parse is memoised on the raw values, so the ingest path pays a
 * few dozen property reads, not a zod parse.
 */
export function env(): ServerEnv {
  const fingerprint = KEYS.map((k) => process.env[k] ?? "\u0000").join("\u0001");
  if (cached?.fingerprint === fingerprint) return cached.value;
  const parsed = serverEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  cached = { fingerprint, value: parsed.data };
  return parsed.data;
}

export function databaseUrl(): string {
  const url = env().DATABASE_URL;
  if (!url) throw new Error("Invalid environment: DATABASE_URL is required (npm start sets it for the embedded Postgres)");
  return url;
}

export function nextAuthSecret(): string {
  const secret = env().NEXTAUTH_SECRET;
  if (!secret) throw new Error("Invalid environment: NEXTAUTH_SECRET is required (npm start generates one into the data dir)");
  return secret;
}
