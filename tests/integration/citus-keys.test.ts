// The Citus claim (docs/scaling.md): every tenant table can be distributed by project_id as it
// is. Citus enforces a primary key or unique index on a distributed table only when it contains
// the distribution column, and a foreign key between distributed tables only when it includes
// that column on both sides (co-located); a distributed table may reference a reference table.
// This reads the migrated catalog, so a new table, index or constraint is checked the day it lands.
import { readFile } from "node:fs/promises";
import { afterAll, describe, expect, it } from "vitest";
import type { Pool, PoolClient } from "pg";
import { closeSqlPool, sqlPool } from "@/lib/db-sql-pool";

const TENANT_COLUMN = "project_id";

/**
 * Tables that are NOT distributed by project_id, each with its reason. A new table without a
 * project_id column fails the test until it is added here, consciously, with its Citus role.
 */
const NOT_DISTRIBUTED: Record<string, { citus: "reference" | "coordinator-local" | "not in public"; reason: string }> = {
  users: { citus: "reference", reason: "a user belongs to many orgs and projects; read on every session check" },
  accounts: { citus: "reference", reason: "next-auth OAuth links of a user, looked up by (provider, account id) before any project is known" },
  sessions: { citus: "reference", reason: "next-auth sessions, looked up by token before any project is known" },
  verification_tokens: { citus: "reference", reason: "next-auth email tokens, looked up by token" },
  email_verifications: { citus: "reference", reason: "password sign-up email verification tokens of a user, looked up by token hash before any project is known" },
  orgs: { citus: "reference", reason: "few rows, joined to projects and memberships" },
  memberships: { citus: "reference", reason: "org membership (org, user): read on every permission check, across projects" },
  projects: { citus: "reference", reason: "the tenant list itself: small, and every distributed table's project_id references it" },
  invites: { citus: "reference", reason: "org-level (project_id is optional); accepted by token hash before any project is known" },
  audit_logs: { citus: "reference", reason: "org-level (project_id is optional) and low volume; keyed by (org_id, id)" },
  api_keys: { citus: "reference", reason: "authentication finds the key by its public key or secret hash before the project is known; the two global unique indexes need a reference table (small, read through the in-process auth cache)" },
  job_watermarks: { citus: "reference", reason: "worker bookkeeping, one row per job name across all projects; written in the same transaction as distributed rollup rows, which a reference table allows" },
  _prisma_migrations: { citus: "coordinator-local", reason: "Prisma's migration history" },
  rate_limit_buckets: {
    citus: "coordinator-local",
    reason:
      "security limits keyed by (scope, hash of an email or client address) before any project is known; written on every sign-in and feedback request and never joined with tenant rows, so a plain table on the coordinator (a reference table would make each write a transaction on every node)",
  },
};

/** Tenant tables (they have project_id) that are nevertheless reference tables, so their keys are not checked. */
const TENANT_REFERENCE_TABLES = new Set(Object.entries(NOT_DISTRIBUTED).filter(([, v]) => v.citus === "reference").map(([k]) => k));

type Row = { table: string; name: string; columns: string[] };
type Sql = Pick<Pool | PoolClient, "query">;

afterAll(() => closeSqlPool());

async function tablesWithColumns(sql: Sql = sqlPool()) {
  const { rows } = await sql.query<{ table: string; columns: string[] }>(
    `select c.table_name as table, array_agg(c.column_name::text order by c.ordinal_position) as columns
       from information_schema.columns c
       join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
      group by c.table_name`,
  );
  return new Map(rows.map((r) => [r.table, r.columns]));
}

/** Primary keys and unique indexes (constraint-backed or not, partial or not) of public tables. */
async function uniqueIndexes(sql: Sql = sqlPool()): Promise<Row[]> {
  const { rows } = await sql.query<Row>(
    `select t.relname as table, i.relname as name,
            array(select a.attname::text from unnest(x.indkey) k join pg_attribute a on a.attrelid = x.indrelid and a.attnum = k) as columns
       from pg_index x
       join pg_class t on t.oid = x.indrelid
       join pg_class i on i.oid = x.indexrelid
       join pg_namespace n on n.oid = t.relnamespace
      where n.nspname = 'public' and t.relkind in ('r', 'p') and (x.indisunique or x.indisprimary)`,
  );
  return rows;
}

/** Foreign keys of public tables, with the columns on both sides. */
async function foreignKeys(): Promise<(Row & { referenced: string; referencedColumns: string[] })[]> {
  const { rows } = await sqlPool().query<Row & { referenced: string; referencedColumns: string[] }>(
    `select t.relname as table, c.conname as name, r.relname as referenced,
            array(select a.attname::text from unnest(c.conkey) k join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k) as columns,
            array(select a.attname::text from unnest(c.confkey) k join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k) as "referencedColumns"
       from pg_constraint c
       join pg_class t on t.oid = c.conrelid
       join pg_class r on r.oid = c.confrelid
       join pg_namespace n on n.oid = t.relnamespace
      where n.nspname = 'public' and c.contype = 'f'`,
  );
  return rows;
}

/** Unique indexes and primary keys of distributed tables that lack project_id, named for the failure message. */
async function offendingUniqueIndexes(sql: Sql = sqlPool()): Promise<string[]> {
  const tables = await tablesWithColumns(sql);
  const distributed = (t: string) => tables.get(t)?.includes(TENANT_COLUMN) && !TENANT_REFERENCE_TABLES.has(t);
  return (await uniqueIndexes(sql)).filter((i) => distributed(i.table) && !i.columns.includes(TENANT_COLUMN)).map((i) => `${i.table}.${i.name} (${i.columns.join(", ")})`);
}

/** Public tables that are not a partition of another (a partition follows its parent's role). */
async function topLevelTables(): Promise<string[]> {
  const { rows } = await sqlPool().query<{ table: string }>(
    `select c.relname as table from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition order by 1`,
  );
  return rows.map((r) => r.table);
}

/** The backticked names after the bold heading `lead` in docs/scaling.md's "Table roles", up to the next bold heading or paragraph end. */
function namedIn(roles: string, lead: string): Set<string> {
  const start = roles.indexOf(lead);
  if (start < 0) throw new Error(`docs/scaling.md: no ${lead} under "### Table roles"`);
  const rest = roles.slice(start + lead.length);
  const ends = [rest.indexOf("**"), rest.indexOf("\n\n")].filter((i) => i >= 0);
  const body = rest.slice(0, ends.length ? Math.min(...ends) : undefined);
  return new Set([...body.matchAll(/`([a-z_][a-z0-9_]*)`/g)].map((m) => m[1]!));
}

describe("docs/scaling.md names every table in its Citus role", () => {
  it("lists each table (partitions aside) under the role the catalog test gives it, and the reference-table SQL matches", async () => {
    const doc = await readFile("docs/scaling.md", "utf8");
    const roles = doc.slice(doc.indexOf("### Table roles"), doc.indexOf("### Queries that must stay single-shard"));
    const sections = {
      reference: namedIn(roles, "**Reference tables**"),
      "coordinator-local": namedIn(roles, "**Coordinator-only:**"),
      distributed: namedIn(roles, "**Distributed by `project_id`, all co-located:**"),
    };
    const sqlArray = /create_reference_table\(t\) from unnest\(array\[([^\]]*)\]/.exec(roles)?.[1] ?? "";
    const referenceSql = new Set([...sqlArray.matchAll(/'([a-z_][a-z0-9_]*)'/g)].map((m) => m[1]!));

    const tables = await topLevelTables();
    const problems: string[] = [];
    for (const table of tables) {
      const role = NOT_DISTRIBUTED[table]?.citus ?? "distributed";
      if (role === "not in public") continue;
      for (const [section, names] of Object.entries(sections)) {
        if (section === role && !names.has(table)) problems.push(`${table}: not listed as ${role}`);
        if (section !== role && names.has(table)) problems.push(`${table}: listed as ${section}, but it is ${role}`);
      }
      if ((role === "reference") !== referenceSql.has(table)) problems.push(`${table}: ${role === "reference" ? "missing from" : "wrongly in"} the create_reference_table list`);
    }
    // Names that are no table (a dropped or renamed one); pgboss is a schema and project_id the column, named on purpose.
    const known = new Set([...tables, "pgboss", TENANT_COLUMN]);
    for (const [section, names] of Object.entries(sections)) for (const name of names) if (!known.has(name)) problems.push(`${name}: listed as ${section}, but there is no such table`);
    expect(problems, "docs/scaling.md, \"### Table roles\"").toEqual([]);
  });
});

describe("Citus: every tenant table can be distributed by project_id", () => {
  it("classifies every table: distributed (has project_id) or listed with a reason", async () => {
    const tables = await tablesWithColumns();
    const unlisted = [...tables].filter(([name, cols]) => !cols.includes(TENANT_COLUMN) && !(name in NOT_DISTRIBUTED)).map(([name]) => name);
    expect(unlisted, `tables without ${TENANT_COLUMN} that are not listed in NOT_DISTRIBUTED (add each with its Citus role and reason): ${unlisted.join(", ")}`).toEqual([]);
    const stale = Object.keys(NOT_DISTRIBUTED).filter((name) => !tables.has(name));
    expect(stale, `NOT_DISTRIBUTED lists tables that no longer exist: ${stale.join(", ")}`).toEqual([]);
  });

  it("every primary key and unique index of a distributed table includes project_id", async () => {
    expect(await offendingUniqueIndexes(), "primary keys / unique indexes of tenant tables without project_id (Citus cannot enforce them on a distributed table)").toEqual([]);
  });

  it("every foreign key between distributed tables joins on project_id; distributed tables reference only reference tables otherwise", async () => {
    const tables = await tablesWithColumns();
    const distributed = (t: string) => Boolean(tables.get(t)?.includes(TENANT_COLUMN)) && !TENANT_REFERENCE_TABLES.has(t);
    const problems: string[] = [];
    for (const fk of await foreignKeys()) {
      const from = distributed(fk.table);
      const to = distributed(fk.referenced);
      const label = `${fk.table}.${fk.name} (${fk.columns.join(", ")}) → ${fk.referenced} (${fk.referencedColumns.join(", ")})`;
      if (from && to) {
        // Co-located: project_id on both sides, in the same position.
        const at = fk.columns.indexOf(TENANT_COLUMN);
        if (at < 0 || fk.referencedColumns[at] !== TENANT_COLUMN) problems.push(`${label}: does not join on ${TENANT_COLUMN}`);
      } else if (!from && to) {
        problems.push(`${label}: a reference or local table cannot reference a distributed table`);
      } else if (from && !to && !(fk.referenced in NOT_DISTRIBUTED)) {
        problems.push(`${label}: references an unclassified table`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("the check sees a violation: a tenant table with a global unique index is named", async () => {
    const client = await sqlPool().connect();
    try {
      await client.query("begin");
      await client.query(`create table citus_probe (project_id text not null, id text not null, slug text not null, primary key (project_id, id))`);
      await client.query(`create unique index citus_probe_slug_key on citus_probe (slug)`);
      expect((await offendingUniqueIndexes(client)).filter((o) => o.startsWith("citus_probe."))).toEqual(["citus_probe.citus_probe_slug_key (slug)"]);
    } finally {
      await client.query("rollback");
      client.release();
    }
  });
});
