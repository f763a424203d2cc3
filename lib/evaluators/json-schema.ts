import "server-only";
import { Ajv, type ValidateFunction } from "ajv";
import { z } from "zod";
import { backtrackingProblem } from "../security/regex-safety";
import { parseJsonOutput } from "./text";
import { type EvalCase, type EvalResult, scored } from "./types";

// One Ajv for all schemas; compiled validators are kept by schema text (bounded: schemas are user data).
// Ajv never fetches remote $refs (no loadSchema), so a schema cannot make Pharos call out.
const ajv = new Ajv({ allErrors: true, strict: false });
const compiled = new Map<string, ValidateFunction>();
const MAX_COMPILED = 500;

function compile(schema: Record<string, unknown>): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) {
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    validate = ajv.compile(schema);
    compiled.set(key, validate);
  }
  return validate;
}

/** `pattern` and `patternProperties` run as regexes on model output: the same backtracking check as the regex evaluator. */
function schemaPatterns(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => schemaPatterns(n, out));
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "pattern" && typeof value === "string") out.push(value);
      if (key === "patternProperties" && value && typeof value === "object") out.push(...Object.keys(value));
      schemaPatterns(value, out);
    }
  }
  return out;
}

export const jsonSchemaParams = z
  .object({
    schema: z.record(z.string(), z.unknown(), { error: "must be a JSON Schema object" }),
    threshold: z.number().min(0).max(1).default(1),
  })
  .superRefine((p, ctx) => {
    for (const pattern of schemaPatterns(p.schema)) {
      const problem = backtrackingProblem(pattern, "u");
      if (problem) return void ctx.addIssue({ code: "custom", path: ["schema"], message: `pattern ${JSON.stringify(pattern)}: ${problem}` });
    }
    try {
      compile(p.schema);
    } catch (error) {
      ctx.addIssue({ code: "custom", path: ["schema"], message: `is not a valid JSON Schema: ${(error as Error).message}` });
    }
  });

/** Score 1 when the output is JSON that the schema accepts, else 0 (with the validator's errors). */
export function jsonSchema(params: z.infer<typeof jsonSchemaParams>, c: EvalCase): EvalResult {
  const parsed = parseJsonOutput(c.output);
  if (!parsed.ok) return scored(0, params.threshold, `output is not valid JSON: ${parsed.error}`);
  const validate = compile(params.schema);
  if (validate(parsed.value)) return scored(1, params.threshold, "output matches the schema");
  const errors = (validate.errors ?? []).slice(0, 10).map((e) => `${e.instancePath || "/"} ${e.message ?? "is invalid"}`);
  return scored(0, params.threshold, `output does not match the schema: ${errors.join("; ")}`, { errors });
}
