// GET /api/metrics – Prometheus exposition of Pharos's own health; Bearer PHAROS_METRICS_TOKEN
import { timingSafeEqual } from "node:crypto";
import client from "prom-client";
import { env } from "@/lib/env";
import { AppError, toResponse } from "@/lib/errors";
import { writerQueue } from "@/lib/ingest/writer-queue";
import { countFailedJobs } from "@/lib/jobs/count-failed-jobs";
import { metrics } from "@/lib/observability/metrics";

function authorized(req: Request, token: string): boolean {
  const given = Buffer.from(req.headers.get("authorization")?.replace(/^Bearer\s+/i, "") ?? "");
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export async function GET(req: Request) {
  try {
    const token = env().PHAROS_METRICS_TOKEN;
    if (!token) throw new AppError("NOT_FOUND", "Metrics are disabled; set PHAROS_METRICS_TOKEN to enable them");
    if (!authorized(req, token)) throw new AppError("UNAUTHORIZED", "Send Authorization: Bearer <PHAROS_METRICS_TOKEN>");
    const { registry } = metrics();
    // Gauges read at scrape time: queue depth of this process, job failures of all workers.
    const failed = await countFailedJobs();
    const extra = new client.Registry();
    new client.Gauge({ name: "pharos_ingest_queue_rows", help: "Rows waiting for the ingest writers", registers: [extra] }).set(writerQueue().depth);
    const failures = new client.Gauge({ name: "pharos_job_failures", help: "Background jobs that failed after all retries", labelNames: ["queue"], registers: [extra] });
    for (const row of failed) failures.set({ queue: row.name }, row.n);
    const body = (await registry.metrics()) + "\n" + (await extra.metrics());
    return new Response(body, { headers: { "content-type": registry.contentType } });
  } catch (error) {
    return toResponse(error);
  }
}
