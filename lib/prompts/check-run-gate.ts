import { pinCounterfactualTerms } from "../counterfactual/pin-counterfactual-terms";
import { db } from "../db";
import { AppError } from "../errors";
import { checkRunEmbedders } from "../runs/check-run-embedders";
import { checkRunnableEvaluators, parseRunEvaluators } from "../runs/run-evaluators";
import type { RunGate } from "../schemas/prompts";

/**
 * A policy's run gate must be startable when it is saved, not first fail when someone proposes:
 * the golden set and the connection exist in the project and every evaluator parses. Each
 * refusal is a 400 naming the field (`body.runGate.evaluators.1.pattern: …`).
 */
export async function checkRunGate(options: { projectId: string; gate: RunGate }) {
  const { projectId, gate } = options;
  const dataset = gate.datasetId !== undefined
    ? await db.dataset.findUnique({ where: { projectId_id: { projectId, id: gate.datasetId } }, select: { id: true } })
    : await db.dataset.findUnique({ where: { projectId_name: { projectId, name: gate.dataset ?? "" } }, select: { id: true } });
  if (!dataset) throw new AppError("INVALID", gate.datasetId !== undefined ? `body.runGate.datasetId: dataset ${gate.datasetId} not found` : `body.runGate.dataset: dataset "${gate.dataset}" not found`);
  if (gate.connectionId !== undefined || gate.connection !== undefined) {
    const where = gate.connectionId !== undefined ? { projectId, id: gate.connectionId } : { projectId, name: gate.connection };
    const field = gate.connectionId !== undefined ? "connectionId" : "connection";
    if (!(await db.llmConnection.findFirst({ where, select: { id: true } }))) throw new AppError("INVALID", `body.runGate.${field}: LLM connection not found`);
  }
  const evaluators = parseRunEvaluators(gate.evaluators, "body.runGate.evaluators");
  (gate.scoreGates ?? []).forEach((g, i) => {
    if (!evaluators.some((e) => e.key === g.evaluator)) {
      throw new AppError("INVALID", `body.runGate.scoreGates.${i}.evaluator: "${g.evaluator}" is not one of this gate's evaluators (${evaluators.map((e) => e.key).join(", ")})`);
    }
  });
  // A gate runs the proposed prompt version, so it may use what any prompt run may (self_consistency, counterfactual).
  checkRunnableEvaluators(evaluators, { source: "prompt", field: "body.runGate.evaluators" });
  // A provider embedder needs a configured provider; a counterfactual suite's categories must have pairs.
  await checkRunEmbedders({ projectId, evaluators, field: "body.runGate.evaluators" });
  await pinCounterfactualTerms({ projectId, evaluators, promptRun: true, field: "body.runGate.evaluators" });
}
