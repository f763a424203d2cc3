import { describe, expect, it } from "vitest";
import * as otelRoute from "@/app/api/public/otel/v1/traces/route";
import { db } from "@/lib/db";
import { decodeVector } from "@/lib/embeddings/vector-codec";
import { createKey, createOrgAndProject } from "../factories";
import { hex } from "../support/ingest";
import { sendBatch, spanEvent } from "../support/drift-spans";

const ns = (ms: number) => `${BigInt(ms) * 1_000_000n}`;

describe("embeddings at ingest", () => {
  it("stores vectors sent with batch-API spans, per field and model, as float32", async () => {
    const t = await createOrgAndProject("drift-batch");
    const key = await createKey(t.project);
    const traceId = hex(16);
    const res = await sendBatch(key.secretKey, [
      spanEvent(traceId, { embeddings: [{ field: "input", model: "my-embed", vector: [0.5, -0.25, 0.125] }, { field: "output", model: "my-embed", vector: [1, 0, 0] }] }),
    ]);
    expect(res.status).toBe(207);
    expect(res.json.results[0].status).toBe(201);
    const rows = await db.embedding.findMany({ where: { projectId: t.project.id }, orderBy: { field: "asc" } });
    expect(rows.map((r) => [r.field, r.model, r.dimension, r.source])).toEqual([["input", "my-embed", 3, "client"], ["output", "my-embed", 3, "client"]]);
    expect(Array.from(decodeVector(rows[0]!.vector))).toEqual([0.5, -0.25, 0.125]);
    expect(await db.embeddingModel.findUnique({ where: { projectId_model: { projectId: t.project.id, model: "my-embed" } } })).toMatchObject({ dimension: 3 });
  });

  it("rejects a vector whose dimension differs from what the project stores for that model, naming event and field", async () => {
    const t = await createOrgAndProject("drift-dims");
    const key = await createKey(t.project);
    const traceId = hex(16);
    await sendBatch(key.secretKey, [spanEvent(traceId, { embeddings: [{ field: "input", model: "m", vector: [1, 0, 0, 0] }] })]);
    const res = await sendBatch(key.secretKey, [
      spanEvent(traceId, { embeddings: [{ field: "input", model: "m", vector: [1, 0, 0, 0] }] }),
      spanEvent(traceId, { embeddings: [{ field: "output", model: "m", vector: [1, 0] }] }),
      spanEvent(traceId, { embeddings: [{ field: "input", model: "other", vector: [1, 0] }] }),
      spanEvent(traceId, { embeddings: [{ field: "input", model: "other", vector: [1, 0, 0] }] }),
    ]);
    expect(res.status).toBe(207);
    expect(res.json.results.map((r: { status: number }) => r.status)).toEqual([201, 400, 201, 400]);
    expect(res.json.results[1].error.message).toBe(
      'batch[1].body.embeddings[0].vector: output vector of model "m" has 2 dimensions but this project stores 4 for that model; vectors of different dimensions are never compared, so send them under another model name',
    );
    expect(res.json.results[3].error.message).toMatch(/^batch\[3\]\.body\.embeddings\[0\]\.vector: input vector of model "other" has 3 dimensions but an earlier vector in this request has 2/);
    // The rejected events' spans are not stored at all; the good ones are.
    expect(await db.span.count({ where: { projectId: t.project.id } })).toBe(3);
    expect(await db.embedding.count({ where: { projectId: t.project.id } })).toBe(3);
    // Bad vectors are a 400 per event, never a 500.
    const bad = await sendBatch(key.secretKey, [spanEvent(traceId, { embeddings: [{ field: "prompt", model: "m", vector: [] }] })]);
    expect(bad.json.results[0].status).toBe(400);
    expect(bad.json.results[0].error.message).toMatch(/batch\[0\]\.body\.embeddings\.0\.field/);
  });

  it("stores OpenInference embedding vectors from OTLP and rejects mismatched ones per span", async () => {
    const t = await createOrgAndProject("drift-otlp");
    const key = await createKey(t.project);
    const traceId = hex(16);
    const t0 = Date.now() - 5000;
    const span = (vector: number[]) => ({
      traceId, spanId: hex(8), name: "embed", kind: 1, startTimeUnixNano: ns(t0), endTimeUnixNano: ns(t0 + 30), status: { code: 0 },
      attributes: [
        { key: "openinference.span.kind", value: { stringValue: "EMBEDDING" } },
        { key: "embedding.model_name", value: { stringValue: "text-embedding-3-small" } },
        { key: "embedding.embeddings.0.embedding.text", value: { stringValue: "환불 받을 수 있나요?" } },
        { key: "embedding.embeddings.0.embedding.vector", value: { arrayValue: { values: vector.map((v) => ({ doubleValue: v })) } } },
      ],
    });
    const body = { resourceSpans: [{ resource: { attributes: [] }, scopeSpans: [{ scope: { name: "oi" }, spans: [span([0.6, 0.8, 0]), span([1, 0])] }] }] };
    const res = await otelRoute.POST(new Request("http://localhost/api/public/otel/v1/traces", {
      method: "POST", body: JSON.stringify(body), headers: { authorization: `Bearer ${key.secretKey}`, "content-type": "application/json" },
    }), { params: Promise.resolve({}) });
    expect(res.status).toBe(200);
    const parsed = JSON.parse(await res.text());
    expect(Number(parsed.partialSuccess.rejectedSpans)).toBe(1);
    expect(parsed.partialSuccess.errorMessage).toMatch(/input vector of model "text-embedding-3-small" has 2 dimensions but an earlier vector in this request has 3/);
    const rows = await db.embedding.findMany({ where: { projectId: t.project.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ field: "input", model: "text-embedding-3-small", dimension: 3, source: "client" });
    expect(Array.from(decodeVector(rows[0]!.vector)).map((v) => Number(v.toFixed(5)))).toEqual([0.6, 0.8, 0]);
  });
});
