import "server-only";
import { db } from "../db";
import { toJsonValue } from "../json";
import type { StoredEmbeddingSettings } from "../schemas/drift";
import type { DriftFilters } from "./load-window-vectors";
import { type Granularity, recentWindows } from "./math/windows";

/** Creates a queued report for a field and embedding model with the project's settings; the range is the windows shown. */
export async function createDriftReport(args: { projectId: string; field: string; model: string; settings: StoredEmbeddingSettings; granularity?: Granularity; filters?: DriftFilters | null; now?: Date }) {
  const now = args.now ?? new Date();
  const granularity = args.granularity ?? args.settings.granularity;
  const fixed = args.settings.baseline.kind === "fixed" ? args.settings.baseline : null;
  const windows = recentWindows(now, granularity, args.settings.windows, false);
  return db.driftReport.create({
    data: {
      projectId: args.projectId, field: args.field, model: args.model, granularity, baseline: args.settings.baseline.kind, unit: args.settings.unit,
      referenceStart: fixed ? new Date(fixed.start) : null, referenceEnd: fixed ? new Date(fixed.end) : null,
      rangeStart: windows[0]!.start, rangeEnd: windows[windows.length - 1]!.end, filters: args.filters ? toJsonValue(args.filters) : undefined,
      alpha: args.settings.alpha, threshold: args.settings.minEffect, status: "queued", createdAt: now,
    },
  });
}
