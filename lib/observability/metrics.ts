import "server-only";
// prom-client: the standard Prometheus exposition library for Node (types, histograms, registry).
import client from "prom-client";
import { routePattern } from "./route-patterns";

const globalForMetrics = globalThis as unknown as { pharosMetrics?: ReturnType<typeof create> };

function create() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: "pharos_process_" });
  return {
    registry,
    ingestedSpans: new client.Counter({ name: "pharos_ingest_spans_total", help: "Spans accepted and committed by ingest", registers: [registry] }),
    ingestRequests: new client.Counter({ name: "pharos_ingest_requests_total", help: "Ingest requests by endpoint and status", labelNames: ["endpoint", "status"], registers: [registry] }),
    guardCalls: new client.Counter({ name: "pharos_guard_calls_total", help: "Inline guard calls by direction and verdict", labelNames: ["direction", "verdict"], registers: [registry] }),
    guardSpansDropped: new client.Counter({ name: "pharos_guard_spans_dropped_total", help: "Guardrail spans not recorded (buffer full or the ingest write failed); the guard answers were given", registers: [registry] }),
    httpDuration: new client.Histogram({
      name: "pharos_http_request_duration_seconds",
      help: "API request latency by route and status",
      labelNames: ["route", "method", "status"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
  };
}

/** The process-wide metrics (kept across dev hot reloads). */
export function metrics() {
  globalForMetrics.pharosMetrics ??= create();
  return globalForMetrics.pharosMetrics;
}

export function observeRequest(req: Request, status: number, startedAt: number) {
  const route = routePattern(new URL(req.url).pathname);
  metrics().httpDuration.observe({ route, method: req.method, status: String(status) }, (performance.now() - startedAt) / 1000);
  if (route.startsWith("/api/public/ingest") || route.startsWith("/api/public/otel")) {
    metrics().ingestRequests.inc({ endpoint: route, status: String(status) });
  }
}

type RouteHandler<C> = (req: Request, ctx: C) => Promise<Response>;

/** Wraps a route handler so every answer lands in the request latency histogram. */
export function timed<C>(handler: RouteHandler<C>): RouteHandler<C> {
  return async (req, ctx) => {
    const startedAt = performance.now();
    const res = await handler(req, ctx);
    observeRequest(req, res.status, startedAt);
    return res;
  };
}
