// Prisma CLI config: the JS (wasm) schema engine over the pg driver adapter, because the
// native schema-engine binary cannot be downloaded on our machines (see README).
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

// prisma/orm#27403: the wasm schema engine cannot deserialize Postgres catalog types
// (name, "char", regproc, …). Report them as text so `migrate` can describe the schema.
const CATALOG_TYPES = new Set([18, 19, 22, 24, 30, 194, 2205]);
const CATALOG_ARRAY_TYPES = new Set([1002, 1003]);
const TEXT = 25;
const TEXT_ARRAY = 1009;

type Field = { dataTypeID: number };
function reportCatalogTypesAsText(result: unknown) {
  for (const r of Array.isArray(result) ? result : [result]) {
    const fields = (r as { fields?: Field[] } | undefined)?.fields;
    for (const f of fields ?? []) {
      if (CATALOG_TYPES.has(f.dataTypeID)) f.dataTypeID = TEXT;
      else if (CATALOG_ARRAY_TYPES.has(f.dataTypeID)) f.dataTypeID = TEXT_ARRAY;
    }
  }
  return result;
}

class CatalogAsTextClient extends pg.Client {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query(...args: any[]): any {
    const last = args[args.length - 1];
    if (typeof last === "function") {
      args[args.length - 1] = (err: unknown, res: unknown) => last(err, reportCatalogTypesAsText(res));
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      return (super.query as any)(...args);
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const out = (super.query as any)(...args);
    return out && typeof out.then === "function" ? out.then(reportCatalogTypesAsText) : out;
  }
}

// The adapter's shadow database connects to the main database (the connection string
// wins over `database`), so `migrate dev` would diff against itself: point it at the
// shadow database by rewriting the URL.
class MigratePg extends PrismaPg {
  constructor(private readonly url: string) {
    // A short idle timeout lets the CLI exit promptly instead of lingering on idle connections.
    super({ connectionString: url, Client: CatalogAsTextClient, idleTimeoutMillis: 200 } as pg.PoolConfig);
  }
  // The adapter's executeScript splits a migration on every ";", which cuts a dollar-quoted
  // function body (a plpgsql trigger) apart. Postgres takes the whole script as one simple query
  // instead, which also makes each migration atomic.
  async connect() {
    const adapter = await super.connect();
    const pool = (adapter as unknown as { client?: pg.Pool }).client;
    if (!pool || typeof pool.query !== "function") throw new Error("@prisma/adapter-pg changed: its pool is no longer at .client (see prisma.config.ts)");
    adapter.executeScript = async (script: string) => {
      await pool.query(script);
    };
    return adapter;
  }
  async connectToShadowDb() {
    const main = await this.connect();
    const database = `prisma_shadow_${Date.now()}`;
    await main.executeScript(`CREATE DATABASE "${database}"`);
    const shadowUrl = new URL(this.url);
    shadowUrl.pathname = `/${database}`;
    const shadow = await new PrismaPg({ connectionString: shadowUrl.toString(), Client: CatalogAsTextClient, idleTimeoutMillis: 200 } as pg.PoolConfig).connect();
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await main.executeScript(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await main.dispose();
    };
    return shadow;
  }
}

// `prisma generate` fails to read the schema (and then tries to download a native engine)
// when the datasource's env var is unset, though it never connects: give it a placeholder.
const PLACEHOLDER_URL = "postgresql://unset@127.0.0.1:1/unset";
process.env.DATABASE_URL ??= PLACEHOLDER_URL;

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (!url || url === PLACEHOLDER_URL) throw new Error("DATABASE_URL is not set (npm start sets it for the embedded Postgres)");
    return new MigratePg(url);
  },
});
