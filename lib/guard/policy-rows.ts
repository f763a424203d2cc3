import { db } from "../db";
import { AppError } from "../errors";
import { type GuardPolicyConfig, guardPolicyConfig, type GuardPolicyView } from "../schemas/guard";

export type Actor = { userId?: string | null; apiKeyId?: string | null };
export const actorColumns = (a: Actor) => ({ actorUserId: a.userId ?? null, actorApiKey: a.apiKeyId ?? null });

/** The name of the built-in policy, in effect until the project saves one of that name. */
export const BUILT_IN_NAME = "default";
/** The shipped default: PII masked both ways, injections in inputs blocked, leaks and denied terms in outputs blocked. */
export const BUILT_IN_CONFIG: GuardPolicyConfig = guardPolicyConfig.parse({});

type Row = { id: string; name: string; description: string; isDefault: boolean; config: unknown; updatedAt: Date };

/** A stored config that no longer parses (a hand edit, an older shape) reads as the built-in one rather than failing guard calls. */
export function configOf(stored: unknown): GuardPolicyConfig {
  const parsed = guardPolicyConfig.safeParse(stored);
  return parsed.success ? parsed.data : BUILT_IN_CONFIG;
}

export function viewOf(row: Row, isDefault: boolean): GuardPolicyView {
  return { id: row.id, name: row.name, description: row.description, isDefault, builtIn: false, ...configOf(row.config), updatedAt: row.updatedAt.toISOString() };
}

export const builtInView = (isDefault: boolean): GuardPolicyView => ({
  id: null, name: BUILT_IN_NAME, description: "Built-in: PII masked in inputs and outputs, prompt injections in inputs blocked, system-prompt leaks and denied terms in outputs blocked.",
  isDefault, builtIn: true, ...BUILT_IN_CONFIG, updatedAt: null,
});

/**
 * A project's policies as guard calls see them: the stored ones, plus the built-in "default"
 * unless one of that name is stored. The default is the stored one marked so, else "default".
 */
export async function readPolicies(projectId: string): Promise<{ views: GuardPolicyView[]; defaultName: string }> {
  const rows = await db.guardPolicy.findMany({ where: { projectId }, orderBy: { name: "asc" }, select: { id: true, name: true, description: true, isDefault: true, config: true, updatedAt: true } });
  const defaultName = rows.find((r) => r.isDefault)?.name ?? BUILT_IN_NAME;
  const views = rows.map((r) => viewOf(r, r.name === defaultName));
  if (!rows.some((r) => r.name === BUILT_IN_NAME)) views.unshift(builtInView(defaultName === BUILT_IN_NAME));
  return { views, defaultName };
}

export const policyNotFound = (nameOrId: string) => new AppError("NOT_FOUND", `Guard policy '${nameOrId}' not found`);
