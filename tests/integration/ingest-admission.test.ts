// Load shedding: past PHAROS_INGEST_MAX_IN_FLIGHT requests being worked on, ingest answers 503
// with Retry-After at once instead of queueing (tests/overload measures it under real load).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as ingestRoute from "@/app/api/public/ingest/route";
import * as otelRoute from "@/app/api/public/otel/v1/traces/route";
import { ingestInFlight } from "@/lib/ingest/admission";
import { createKey, createOrgAndProject } from "../factories";
import { sampleTraceEvents } from "../support/ingest";

beforeAll(() => {
  process.env.PHAROS_INGEST_MAX_IN_FLIGHT = "1";
});
afterAll(() => {
  delete process.env.PHAROS_INGEST_MAX_IN_FLIGHT;
});

describe("ingest admission", () => {
  it("sheds the request past the limit with 503 + Retry-After, then admits again", async () => {
    const t = await createOrgAndProject("admission");
    const auth = `Bearer ${(await createKey(t.project)).secretKey}`;
    const body = JSON.stringify({ batch: sampleTraceEvents().events });
    // A client that sends its body slowly holds the one slot.
    let release!: () => void;
    const slow = new ReadableStream<Uint8Array>({
      async pull(controller) {
        await new Promise<void>((r) => (release = r));
        controller.enqueue(new TextEncoder().encode(body));
        controller.close();
      },
    });
    const post = (b: BodyInit, route: typeof ingestRoute.POST = ingestRoute.POST, type = "application/json") =>
      route(new Request("http://localhost/api/public/ingest", { method: "POST", headers: { authorization: auth, "content-type": type }, body: b, duplex: "half" } as RequestInit), { params: Promise.resolve({}) });
    const held = post(slow);
    await expect.poll(() => ingestInFlight()).toBe(1);

    for (const shed of [await post(body), await post("{}", otelRoute.POST)]) {
      expect(shed.status).toBe(503);
      expect(shed.headers.get("retry-after")).toBe("1");
      expect((await shed.json()).error.code).toBe("UNAVAILABLE");
    }

    release();
    expect((await held).status).toBe(207);
    expect(ingestInFlight()).toBe(0);
    expect((await post(JSON.stringify({ batch: sampleTraceEvents().events }))).status).toBe(207);
  });
});
