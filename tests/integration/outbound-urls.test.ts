// User-supplied URLs Pharos calls (alert webhooks, the embeddings provider) may only reach public
// addresses unless PHAROS_OUTBOUND_ALLOWED_HOSTS allows more: refused when saved and when called.
// The test setup allows 127.0.0.1 for the fake receivers; these tests take that away.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as ruleRoute from "@/app/api/projects/[projectId]/alerts/[ruleId]/route";
import * as testRoute from "@/app/api/projects/[projectId]/alerts/[ruleId]/test/route";
import * as rulesRoute from "@/app/api/projects/[projectId]/alerts/route";
import * as settingsRoute from "@/app/api/projects/[projectId]/drift/settings/route";
import * as ingestRoute from "@/app/api/public/ingest/route";
import { db } from "@/lib/db";
import { computeMissingEmbeddings } from "@/lib/embeddings/compute-embeddings";
import { createKey, createOrgAndProject } from "../factories";
import { hex } from "../support/ingest";
import { withoutAllowList } from "../support/outbound";
import { call } from "../support/route";

/** Every request that reaches the receiver on 127.0.0.1; a refused call must add none. */
const received: string[] = [];
const server = createServer((req, res) => {
  received.push(`${req.method} ${req.url}`);
  req.resume();
  req.on("end", () => res.writeHead(200, { "content-type": "application/json" }).end("{}"));
});
let origin: string;
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));


describe("outbound URLs", () => {
  it("refuse private and reserved webhook targets unless the operator allows them, when saved and when sent", async () => {
    const t = await createOrgAndProject("ssrf");
    const p = { projectId: t.project.id };
    const hookUrl = `${origin}/hook`;
    const rule = (webhookUrl: string) => call(rulesRoute.POST, "POST", { params: p, cookie: t.owner.cookie, body: { name: "Slow", measure: "latency_p95", threshold: 100, webhookUrl } });
    // Saved while 127.0.0.1 was allowed (the test setup allows it for the fake receivers).
    const saved = await rule(hookUrl);
    expect(saved.status).toBe(201);
    await withoutAllowList(async () => {
      const metadata = await rule("http://169.254.169.254/latest/meta-data/iam/security-credentials/");
      expect(metadata.status).toBe(400);
      expect(metadata.json.error.message).toMatch(/^body\.webhookUrl: 169\.254\.169\.254 resolves to 169\.254\.169\.254, a private or reserved address .*PHAROS_OUTBOUND_ALLOWED_HOSTS/);
      expect((await rule(hookUrl)).status).toBe(400);
      const edited = await call(ruleRoute.PATCH, "PATCH", { params: { ...p, ruleId: saved.json.id }, cookie: t.owner.cookie, body: { webhookUrl: "http://localhost:5432/" } });
      expect(edited.status).toBe(400);
      expect(edited.json.error.message).toMatch(/^body\.webhookUrl: localhost resolves to/);

      // A rule saved before the operator narrowed the list is refused at send time, once, without retries.
      const before = received.length;
      const test = await call(testRoute.POST, "POST", { params: { ...p, ruleId: saved.json.id }, cookie: t.owner.cookie });
      expect(test.json).toMatchObject({ delivered: false, status: null });
      expect(test.json.error).toMatch(/^webhook refused: 127\.0\.0\.1 resolves to 127\.0\.0\.1, a private or reserved address/);
      expect(received.length).toBe(before);
    });
    expect(await db.alertRule.count({ where: { projectId: t.project.id } })).toBe(1);
  });

  it("refuses an embeddings provider on a private or reserved address unless the operator allows it", async () => {
    const t = await createOrgAndProject("prov-ssrf");
    const baseUrl = `${origin}/v1`;
    const put = (url: string) => call(settingsRoute.PUT, "PUT", {
      cookie: t.owner.cookie, params: { projectId: t.project.id },
      body: { provider: "provider", fields: ["input"], providerConfig: { baseUrl: url, model: "m", apiKey: "sk-x" } },
    });
    const metadata = await put("http://169.254.169.254/latest");
    expect(metadata.status).toBe(400);
    expect(metadata.json.error.message).toMatch(/^body\.providerConfig\.baseUrl: 169\.254\.169\.254 resolves to .*private or reserved/);
    expect((await put(baseUrl)).status).toBe(200); // 127.0.0.1 is allowed in the test setup
    await withoutAllowList(async () => {
      expect((await put(baseUrl)).status).toBe(400);
      // Saved earlier, refused when called: no retries, no request.
      const before = received.length;
      const key = await createKey(t.project);
      const start = new Date(Date.now() - 60_000);
      const span = { id: hex(8), traceId: hex(16), name: "chat", model: "gpt-4o-mini", startTime: start.toISOString(), endTime: new Date(start.getTime() + 500).toISOString(), input: [{ role: "user", content: "a question" }] };
      expect((await call(ingestRoute.POST, "POST", { authorization: `Bearer ${key.secretKey}`, body: { batch: [{ id: `e-${span.id}`, type: "generation", body: span }] } })).status).toBe(207);
      await expect(computeMissingEmbeddings({ projectId: t.project.id })).rejects.toThrow(/^embeddings provider refused: 127\.0\.0\.1 resolves to 127\.0\.0\.1/);
      expect(received.length).toBe(before);
    });
  });
});
