import { SETTING_NAMES } from "../../lib/env";

type Env = Record<string, string | undefined>;
const settings = new Set(SETTING_NAMES);
const isSetting = (name: string) => settings.has(name) || /^(PHAROS_|NEXTAUTH_)/.test(name);

/**
 * The environment for a Pharos process a test starts: the caller's shell minus every Pharos
 * setting (PHAROS_*, DATABASE_URL, NEXTAUTH_*, OAuth and the rest of lib/env.ts), plus what the
 * test sets. A developer's PHAROS_INIT_* or DATABASE_URL must not change what a test sees.
 */
export function hermeticEnv(shell: Env, set: Env): NodeJS.ProcessEnv {
  const env = {} as NodeJS.ProcessEnv;
  for (const [name, value] of Object.entries(shell)) if (!isSetting(name)) env[name] = value;
  for (const [name, value] of Object.entries(set)) if (value !== undefined) env[name] = value;
  return env;
}

/** Clears, in this process, every Pharos setting the test did not set (integration tests run handlers in-process). */
export function clearSettings(keep: readonly string[]): void {
  for (const name of Object.keys(process.env)) if (isSetting(name) && !keep.includes(name)) delete process.env[name];
}
