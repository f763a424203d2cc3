import { z } from "zod";
import { type Operation, PUBLIC_OPERATIONS } from "./public-operations";

type JsonSchema = Record<string, unknown>;

/**
 * zod 4's own converter: JSON Schema draft 2020-12 is what OpenAPI 3.1 uses, so no adapter
 * library is needed. `io: "input"` describes what a caller sends (before defaults and
 * transforms); refinements zod cannot express (cross-field rules) stay in the handler's 400s.
 */
function schemaOf(schema: z.ZodType, io: "input" | "output" = "input"): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;
  return rest;
}

function queryParameters(schema: z.ZodType) {
  const json = schemaOf(schema);
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, s]) => ({ name, in: "query", required: required.has(name), schema: s }));
}

const ERROR = { $ref: "#/components/schemas/Error" };

function operation(op: Operation) {
  const parameters = [
    ...Object.entries(op.pathParams ?? {}).map(([name, description]) => ({ name, in: "path", required: true, description, schema: { type: "string" } })),
    ...(op.query ? queryParameters(op.query) : []),
  ];
  const requestBody = op.body
    ? { required: true, content: { "application/json": { schema: schemaOf(op.body) } } }
    : op.rawBody ? { required: true, content: Object.fromEntries(op.rawBody.map((type) => [type, {}])) } : undefined;
  const errors = op.auth === "none" ? {} : {
    "400": { description: "Invalid request: the message names the field", content: { "application/json": { schema: ERROR } } },
    "401": { description: "Missing or wrong API key", content: { "application/json": { schema: ERROR } } },
    "404": { description: "Not found in the key's project", content: { "application/json": { schema: ERROR } } },
  };
  return {
    summary: op.summary,
    operationId: `${op.method}${op.path.replace(/^\/api\/public/, "").replace(/[{}]/g, "").split(/[/._-]/).map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join("")}`,
    ...(op.auth === "none" ? { security: [] } : { security: [{ [op.auth === "secret" ? "secretKey" : "publicKey"]: [] }] }),
    ...(parameters.length ? { parameters } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses: {
      [String(op.success.status)]: { description: op.success.description, ...(op.response ? { content: { "application/json": { schema: schemaOf(op.response, "output") } } } : {}) },
      ...Object.fromEntries((op.otherSuccess ?? []).map((o) => [String(o.status), { description: o.description, content: { "application/json": { schema: schemaOf(o.response, "output") } } }])),
      ...errors,
    },
  };
}

let cached: Record<string, unknown> | null = null;

/** The OpenAPI 3.1 document of the whole public API, built once per process from PUBLIC_OPERATIONS. */
export function publicApiDocument(): Record<string, unknown> {
  if (cached) return cached;
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of PUBLIC_OPERATIONS) (paths[op.path] ??= {})[op.method] = operation(op);
  cached = {
    openapi: "3.1.0",
    info: { title: "Pharos public API", version: "1", description: "Ingest, prompts, golden sets, LLM connections and regression runs. Authenticate with `Authorization: Bearer <secret key>` (or HTTP Basic publicKey:secretKey)." },
    paths,
    components: {
      securitySchemes: {
        secretKey: { type: "http", scheme: "bearer", description: "The project's secret key (sk-…)" },
        publicKey: { type: "http", scheme: "bearer", description: "The project's public key (pk-…), browser-safe: feedback only" },
      },
      schemas: {
        Error: { type: "object", required: ["error"], properties: { error: { type: "object", required: ["code", "message"], properties: { code: { type: "string" }, message: { type: "string" }, details: {} } } } },
      },
    },
  };
  return cached;
}
