import { policyNotFound, readPolicies } from "./policy-rows";

/** One policy by name (404 when the project has none of that name). */
export async function getGuardPolicy(options: { projectId: string; name: string }) {
  const { views } = await readPolicies(options.projectId);
  const view = views.find((v) => v.name === options.name);
  if (!view) throw policyNotFound(options.name);
  return view;
}
