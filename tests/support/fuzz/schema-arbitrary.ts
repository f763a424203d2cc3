// fast-check arbitraries derived from the routes' own zod schemas (through zod's JSON Schema
// export), so a field added to a schema is fuzzed without touching the fuzz tests.
import fc from "fast-check";
import { z } from "zod";

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  pattern?: string;
  format?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
};

/** A JSON value of any shape, small. */
export const anyJson: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 3 });

/** Arbitrary inputs for a zod schema: mostly valid-looking, by construction close to the schema. */
export function arbitraryFor(schema: z.ZodType): fc.Arbitrary<unknown> {
  const root = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  return fromJsonSchema(root, root, 0);
}

function fromJsonSchema(s: JsonSchema, root: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  if (depth > 6) return fc.constant(null);
  if (s.$ref) {
    const name = s.$ref.replace(/^#\/\$defs\//, "");
    const target = s.$ref === "#" ? root : root.$defs?.[name];
    return target ? fc.constant(null).chain(() => fromJsonSchema(target, root, depth + 1)) : anyJson;
  }
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const union = s.anyOf ?? s.oneOf;
  if (union) return fc.oneof(...union.map((u) => fromJsonSchema(u, root, depth + 1)));
  if (s.allOf?.length) return fromJsonSchema(s.allOf[0]!, root, depth + 1);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case "string":
      return stringFor(s);
    case "integer":
      return fc.integer({ min: lower(s, -1_000_000), max: upper(s, 1_000_000) });
    case "number":
      return fc.double({ min: lower(s, -1e6), max: upper(s, 1e6), noNaN: true, noDefaultInfinity: true });
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array": {
      const minLength = s.minItems ?? 0;
      const maxLength = Math.min(s.maxItems ?? 4, Math.max(minLength, 4));
      return fc.array(s.items ? fromJsonSchema(s.items, root, depth + 1) : anyJson, { minLength, maxLength });
    }
    case "object": {
      const props = s.properties ?? {};
      const required = new Set(s.required ?? []);
      const entries = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, fromJsonSchema(v, root, depth + 1)]));
      if (Object.keys(entries).length === 0) {
        const value = typeof s.additionalProperties === "object" ? fromJsonSchema(s.additionalProperties, root, depth + 1) : anyJson;
        return fc.dictionary(fc.string({ maxLength: 12 }), value, { maxKeys: 4 });
      }
      return fc.record(entries, { requiredKeys: Object.keys(entries).filter((k) => required.has(k)) });
    }
    default:
      return anyJson;
  }
}

function lower(s: JsonSchema, fallback: number): number {
  if (s.exclusiveMinimum !== undefined) return s.exclusiveMinimum + (s.type === "integer" ? 1 : 1e-9);
  return s.minimum ?? fallback;
}

function upper(s: JsonSchema, fallback: number): number {
  const max = s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - (s.type === "integer" ? 1 : 1e-9) : (s.maximum ?? fallback);
  return Math.min(max, Number.MAX_SAFE_INTEGER);
}

function stringFor(s: JsonSchema): fc.Arbitrary<string> {
  if (s.format === "date-time") return fc.date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }).map((d) => d.toISOString());
  if (s.format === "email") return fc.emailAddress();
  if (s.format === "uri" || s.format === "url") return fc.webUrl();
  if (s.format === "uuid") return fc.uuid();
  const minLength = s.minLength ?? 0;
  const maxLength = Math.min(s.maxLength ?? 40, Math.max(minLength, 40));
  if (s.pattern) {
    try {
      return fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length >= minLength && v.length <= (s.maxLength ?? Infinity));
    } catch {
      // A pattern fast-check cannot generate from: plain strings, mostly rejected by the route.
    }
  }
  return fc.string({ minLength, maxLength, unit: "grapheme" });
}
