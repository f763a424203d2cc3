import { env } from "../env";
import { AppError, toResponse } from "../errors";

type Handler<C> = (req: Request, ctx: C) => Promise<Response>;

let inFlight = 0;

/**
 * Load shedding for the ingest endpoints: at most PHAROS_INGEST_MAX_IN_FLIGHT requests are
 * worked on at once (auth, body, validation, the writer queue); one more is answered 503 with
 * Retry-After at once, before any of that work. Without it, at 3× capacity requests queued
 * in the event loop and the database pool until clients timed out after 30 s (p50 20 s), and
 * the writer queue's own bound was never reached.
 */
export function admitIngest<C>(handler: Handler<C>): Handler<C> {
  return async (req, ctx) => {
    if (inFlight >= env().PHAROS_INGEST_MAX_IN_FLIGHT) {
      return toResponse(new AppError("UNAVAILABLE", "Ingest is at capacity; retry shortly", undefined, { "Retry-After": "1" }));
    }
    inFlight++;
    try {
      return await handler(req, ctx);
    } finally {
      inFlight--;
    }
  };
}

/** Requests being worked on now (tests and metrics). */
export function ingestInFlight(): number {
  return inFlight;
}
