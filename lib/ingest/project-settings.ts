import "server-only";
import { db } from "../db";
import { DEFAULT_PII_SETTINGS, type PiiSettings, piiSettingsSchema } from "../pii/settings";
import { type PriceOverride, priceOverrideSchema } from "../pricing/price-overrides";

export type IngestSettings = { pii: PiiSettings; priceOverrides: PriceOverride[]; feedbackOrigins: string[] };

const TTL_MS = 30_000;
const cache = new Map<string, { value: IngestSettings; expiresAt: number }>();

/** A project's ingest settings, cached briefly: they are read on every ingest request. */
export async function ingestSettings(projectId: string): Promise<IngestSettings> {
  const hit = cache.get(projectId);
  if (hit && hit.expiresAt > Date.now()) return hit.value;
  const row = await db.projectSettings.findUnique({ where: { projectId } });
  const pii = piiSettingsSchema.safeParse(row?.piiSettings ?? DEFAULT_PII_SETTINGS);
  const overrides = priceOverrideSchema.array().safeParse(row?.priceOverrides ?? []);
  const value: IngestSettings = {
    pii: pii.success ? pii.data : DEFAULT_PII_SETTINGS,
    priceOverrides: overrides.success ? overrides.data : [],
    feedbackOrigins: row?.feedbackOrigins ?? [],
  };
  cache.set(projectId, { value, expiresAt: Date.now() + TTL_MS });
  return value;
}

export function forgetIngestSettings(projectId: string) {
  cache.delete(projectId);
}
