import { db } from "../db";
import { requirePrompt } from "./prompt-rows";
import { resolvePolicy } from "./resolve-policy";

/**
 * The effective policy of every label that matters: production and staging, the labels the
 * prompt has, and any label with a row. promptId "" lists the project defaults.
 */
export async function listPromptPolicies(options: { projectId: string; promptId: string }) {
  const { projectId, promptId } = options;
  if (promptId) await requirePrompt({ projectId, promptId });
  const [rows, labels] = await Promise.all([
    db.promptPolicy.findMany({ where: { projectId, promptId: { in: [promptId, ""] } }, select: { label: true } }),
    promptId ? db.promptLabel.findMany({ where: { projectId, promptId }, select: { label: true } }) : [],
  ]);
  const names = [...new Set(["production", "staging", ...labels.map((l) => l.label), ...rows.map((r) => r.label)])].sort();
  return Promise.all(names.map((label) => resolvePolicy({ projectId, promptId, label })));
}
