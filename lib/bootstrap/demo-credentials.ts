import { chmod, readFile, writeFile } from "node:fs/promises";

/**
 * The demo's sign-in and seeding state, kept in `$PHAROS_DATA_DIR/credentials` (mode 0600).
 * It is written before the sample traces are, so a start that dies while seeding neither loses
 * the generated password nor leaves a half-filled demo: the next start sees `demo_seeded` missing
 * and writes the same traces again from `demo_seed_from` (ingest is idempotent).
 */
export type DemoCredentials = {
  email: string;
  password: string;
  projectId: string;
  publicKey: string;
  secretKey: string;
  /** The instant the sample traces end at, so a resumed seed writes the very same traces. */
  seedFrom: Date;
  seeded: boolean;
};

export function formatDemoCredentials(c: DemoCredentials): string {
  return [
    "# Pharos demo sign-in (created on first start)",
    `email=${c.email}`,
    `password=${c.password}`,
    `project_id=${c.projectId}`,
    `public_key=${c.publicKey}`,
    `secret_key=${c.secretKey}`,
    `demo_seed_from=${c.seedFrom.toISOString()}`,
    ...(c.seeded ? ["demo_seeded=yes"] : []),
    "",
  ].join("\n");
}

/** Null when the text is not a complete demo credentials file (e.g. one from before seeding state was kept). */
export function parseDemoCredentials(text: string): DemoCredentials | null {
  const fields = new Map<string, string>();
  for (const line of text.split("\n")) {
    const eq = line.indexOf("=");
    if (!line.startsWith("#") && eq > 0) fields.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim());
  }
  const get = (k: string) => fields.get(k) ?? "";
  const seedFrom = new Date(get("demo_seed_from"));
  if (!get("email") || !get("password") || !get("project_id") || Number.isNaN(seedFrom.getTime())) return null;
  return {
    email: get("email"),
    password: get("password"),
    projectId: get("project_id"),
    publicKey: get("public_key"),
    secretKey: get("secret_key"),
    seedFrom,
    seeded: get("demo_seeded") === "yes",
  };
}

export async function writeDemoCredentials(file: string, c: DemoCredentials): Promise<void> {
  await writeFile(file, formatDemoCredentials(c), { mode: 0o600 });
  await chmod(file, 0o600);
}

export async function readDemoCredentials(file: string): Promise<DemoCredentials | null> {
  try {
    return parseDemoCredentials(await readFile(file, "utf8"));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw e;
  }
}
