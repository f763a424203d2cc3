import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { HTTP_METHODS, routeFiles } from "../../tests/support/route-tree";
import { publicApiDocument } from "./public-api-document";
import { PUBLIC_OPERATIONS } from "./public-operations";

/** `api/public/prompts/[...name]` → `/api/public/prompts/{name}`. */
const toPath = (route: string) => `/${route.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, "{$1}")}`;

describe("the public OpenAPI document", () => {
  it("describes every method of every route file under app/api/public, and nothing else", async () => {
    const doc = publicApiDocument() as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe("3.1.0");
    const inCode: string[] = [];
    for (const file of await routeFiles("api/public")) {
      const text = await readFile(file.file, "utf8");
      for (const method of HTTP_METHODS) {
        if (new RegExp(`export (const|async function|function) ${method}\\b`).test(text)) inCode.push(`${method.toLowerCase()} ${toPath(file.route)}`);
      }
    }
    expect(inCode.length).toBeGreaterThan(15);
    const inDoc = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`));
    const missing = inCode.filter((op) => !inDoc.includes(op));
    expect(missing, `public routes missing from lib/openapi/public-operations.ts: ${missing.join(", ")}`).toEqual([]);
    expect(inDoc.filter((op) => !inCode.includes(op))).toEqual([]);
  });

  it("uses the routes' zod schemas: the runs body names its fields and required ones", () => {
    const doc = publicApiDocument() as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties: Record<string, unknown>; required?: string[] } }> } }>> };
    const body = doc.paths["/api/public/runs"]!.post!.requestBody!.content["application/json"]!.schema;
    expect(Object.keys(body.properties)).toEqual(expect.arrayContaining(["dataset", "prompt", "outputs", "evaluators", "minPassRate"]));
    expect(body.required).toEqual(["evaluators"]);
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });

  it("publishes a response body for every JSON operation (tests/integration/public-api-responses.test.ts checks them against real answers)", () => {
    const without = PUBLIC_OPERATIONS.filter((o) => !o.response).map((o) => `${o.method} ${o.path}`);
    // OTLP answers protobuf or JSON as the request was; the preflight has no body; this document describes itself.
    // The annotation export streams JSONL.
    expect(without.sort()).toEqual(["get /api/public/annotation-queues/{queueId}/export", "get /api/public/openapi.json", "options /api/public/feedback", "post /api/public/otel/v1/traces"]);
    const doc = publicApiDocument() as { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: { properties?: Record<string, unknown> } }> }> }>> };
    const run = doc.paths["/api/public/runs/{runId}"]!.get!.responses["200"]!.content!["application/json"]!.schema;
    expect(Object.keys(run.properties!)).toEqual(expect.arrayContaining(["status", "progress", "summary", "passed"]));
  });
});
