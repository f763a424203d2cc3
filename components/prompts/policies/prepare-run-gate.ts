import { buildEvaluatorEntry, emptyEvaluator, type EvaluatorDraft } from "@/components/runs/prepare-evaluator-entry";
import type { RunGate } from "@/lib/queries/prompts/keys";

/**
 * The run gate of the policy dialog as the user types it, and its translation to the PUT body
 * (pure). A stored gate may name its golden set or connection by name (set through the API);
 * the form keeps the name until the user picks from the list, which sends the id.
 */
export type GateForm = {
  datasetId: string; datasetName: string; connectionId: string; connectionName: string; model: string;
  evaluators: EvaluatorDraft[]; minPassRate: string; maxDropPoints: string;
  /** Score requirements, one per line: `faithfulness ≥ 0.9, drop ≤ 0.03` (either part may be left out). */
  scoreGates: string;
};
/** Fields an error can sit next to; "gate" is the section as a whole. */
export type GateField = "gate" | "gate.dataset" | "gate.connection" | "gate.model" | "gate.evaluators" | "gate.minPassRate" | "gate.maxDropPoints" | "gate.scoreGates";
export type FieldMessage = { field: string; message: string };

export function gateToForm(gate: RunGate | null): GateForm {
  if (!gate) return { datasetId: "", datasetName: "", connectionId: "", connectionName: "", model: "", evaluators: [emptyEvaluator("contains")], minPassRate: "80", maxDropPoints: "", scoreGates: "" };
  return {
    datasetId: gate.datasetId ?? "", datasetName: gate.dataset ?? "", connectionId: gate.connectionId ?? "", connectionName: gate.connection ?? "", model: gate.model ?? "",
    evaluators: gate.evaluators.length ? gate.evaluators.map(entryToDraft) : [emptyEvaluator("contains")],
    minPassRate: percent(gate.minPassRate), maxDropPoints: gate.maxDropPoints === undefined ? "" : String(gate.maxDropPoints),
    scoreGates: (gate.scoreGates ?? []).map(scoreGateLine).join("\n"),
  };
}

/** `{ type, threshold?, required?, ...params }` → the evaluator row (params as JSON, minPassRate and others kept there). */
export function entryToDraft(entry: RunGate["evaluators"][number]): EvaluatorDraft {
  const { type, threshold, required, ...params } = entry;
  return { type, params: Object.keys(params).length ? JSON.stringify(params) : "{}", threshold: typeof threshold === "number" ? String(threshold) : "", required: required === true };
}

const percent = (rate: number) => String(Math.round(rate * 10_000) / 100);

/** An id picked from a list wins; else the stored name (by id when the list knows it, so a renamed set stays the same set). */
export function resolveChoice(id: string, name: string, rows: readonly { id: string; name: string }[] | undefined): { id: string; name: string } {
  if (id) return { id, name: "" };
  const byName = name ? rows?.find((r) => r.name === name) : undefined;
  return byName ? { id: byName.id, name: "" } : { id: "", name };
}

export function formToGate(form: GateForm): { gate: RunGate } | { error: { field: GateField; message: string } } {
  if (!form.datasetId && !form.datasetName) return { error: { field: "gate.dataset", message: "choose the golden set the gate runs over" } };
  if (!form.evaluators.length) return { error: { field: "gate.evaluators", message: "add at least one evaluator" } };
  const evaluators: RunGate["evaluators"] = [];
  // The same translation as the Start run form (tiered judge and self-consistency fields included).
  for (const [i, e] of form.evaluators.entries()) {
    const built = buildEvaluatorEntry(e);
    if (!built.ok) return { error: { field: "gate.evaluators", message: `Evaluator ${i + 1} (${e.type}): ${built.error}` } };
    evaluators.push(built.entry as RunGate["evaluators"][number]);
  }
  const min = Number(form.minPassRate);
  if (form.minPassRate.trim() === "" || !Number.isFinite(min) || min < 0 || min > 100) return { error: { field: "gate.minPassRate", message: "minimum pass rate: a number from 0 to 100 (%)" } };
  let maxDropPoints: number | undefined;
  if (form.maxDropPoints.trim()) {
    maxDropPoints = Number(form.maxDropPoints);
    if (!Number.isFinite(maxDropPoints) || maxDropPoints < 0 || maxDropPoints > 100) return { error: { field: "gate.maxDropPoints", message: "maximum drop: a number of points from 0 to 100, or empty for no comparison" } };
  }
  const scoreGates: NonNullable<RunGate["scoreGates"]> = [];
  for (const [i, line] of form.scoreGates.split("\n").entries()) {
    if (!line.trim()) continue;
    const g = parseScoreGateLine(line);
    if (!g) return { error: { field: "gate.scoreGates", message: `line ${i + 1}: write it as "faithfulness ≥ 0.9, drop ≤ 0.03" (either part may be left out)` } };
    scoreGates.push(g);
  }
  return {
    gate: {
      ...(scoreGates.length ? { scoreGates } : {}),
      ...(form.datasetId ? { datasetId: form.datasetId } : { dataset: form.datasetName }),
      ...(form.connectionId ? { connectionId: form.connectionId } : form.connectionName ? { connection: form.connectionName } : {}),
      ...(form.model.trim() ? { model: form.model.trim() } : {}),
      evaluators, minPassRate: Math.round(min * 100) / 10_000,
      ...(maxDropPoints === undefined ? {} : { maxDropPoints }),
    },
  };
}

const GATE_FIELDS: Record<string, GateField> = {
  dataset: "gate.dataset", datasetId: "gate.dataset", connection: "gate.connection", connectionId: "gate.connection", model: "gate.model",
  evaluators: "gate.evaluators", minPassRate: "gate.minPassRate", maxDropPoints: "gate.maxDropPoints", scoreGates: "gate.scoreGates",
};
const POLICY_FIELDS: Record<string, string> = { requiredApprovals: "requiredApprovals", approverRoles: "approvers", approverUserIds: "approvers" };

/**
 * The API's 400 (`body.runGate.evaluators.1.pattern: …`, several joined by "; ") → one message
 * per dialog field, worded for that field; what matches no field goes to "form".
 */
export function apiErrorFields(message: string): FieldMessage[] {
  return message.split(/; (?=body\.)/).map((part) => {
    const m = /^body\.([\w.]+): ([\s\S]*)$/.exec(part);
    if (!m) return { field: "form", message: part };
    const [head, ...rest] = m[1]!.split(".");
    if (head !== "runGate") return { field: POLICY_FIELDS[head!] ?? "form", message: POLICY_FIELDS[head!] ? m[2]! : part };
    if (!rest.length) return { field: "gate", message: m[2]! };
    const field = GATE_FIELDS[rest[0]!] ?? "gate";
    if (field === "gate.evaluators" && /^\d+$/.test(rest[1] ?? "")) {
      const param = rest.slice(2).join(".");
      return { field, message: `Evaluator ${Number(rest[1]) + 1}${param ? ` · ${param}` : ""}: ${m[2]}` };
    }
    return { field, message: field === "gate" ? `${rest.join(".")}: ${m[2]}` : m[2]! };
  });
}

/** "a passing run on support golden set: pass rate ≥ 80 %, no drop > 5 points, 2 evaluators". */
export function describeRunGate(gate: RunGate, datasetName: (gate: RunGate) => string): string {
  const terms = [`pass rate ≥ ${percent(gate.minPassRate)} %`];
  if (gate.maxDropPoints !== undefined) terms.push(`no drop > ${gate.maxDropPoints} point${gate.maxDropPoints === 1 ? "" : "s"} against the label's version`);
  for (const g of gate.scoreGates ?? []) terms.push(scoreGateLine(g));
  terms.push(gate.evaluators.map((e) => e.type).join(", "));
  return `a passing run on ${datasetName(gate)} (${terms.join("; ")})`;
}

/** The golden set's name from a list by id, else the stored name, else a placeholder. */
export function gateDatasetName(gate: RunGate, datasets: readonly { id: string; name: string }[] | undefined): string {
  if (gate.dataset) return gate.dataset;
  return datasets?.find((d) => d.id === gate.datasetId)?.name ?? "a golden set";
}

/** `{ evaluator, min, maxDrop }` as the form shows it: "faithfulness ≥ 0.9, drop ≤ 0.03". */
export function scoreGateLine(g: { evaluator: string; min?: number; maxDrop?: number }): string {
  return [g.min !== undefined ? `${g.evaluator} ≥ ${g.min}` : g.evaluator, ...(g.maxDrop !== undefined ? [`drop ≤ ${g.maxDrop}`] : [])].join(", ");
}

/** The inverse of scoreGateLine; `>=` and `<=` work as well as ≥ and ≤. null when it does not read. */
export function parseScoreGateLine(line: string): { evaluator: string; min?: number; maxDrop?: number } | null {
  const m = /^\s*([a-z_0-9]+)\s*(?:(?:≥|>=)\s*(-?[\d.]+))?\s*(?:,\s*drop\s*(?:≤|<=)\s*([\d.]+))?\s*$/.exec(line);
  if (!m) return null;
  const min = m[2] === undefined ? undefined : Number(m[2]);
  const maxDrop = m[3] === undefined ? undefined : Number(m[3]);
  if ((min === undefined && maxDrop === undefined) || [min, maxDrop].some((v) => v !== undefined && !Number.isFinite(v))) return null;
  return { evaluator: m[1]!, ...(min !== undefined ? { min } : {}), ...(maxDrop !== undefined ? { maxDrop } : {}) };
}
