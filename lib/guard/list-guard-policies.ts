import { readPolicies } from "./policy-rows";

/** The project's guard policies (the built-in "default" included until one of that name is saved), default first. */
export async function listGuardPolicies(options: { projectId: string }) {
  const { views } = await readPolicies(options.projectId);
  return views.sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.name.localeCompare(b.name));
}
