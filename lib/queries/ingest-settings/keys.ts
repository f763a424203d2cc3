import type { PiiSettings } from "@/lib/pii/settings";

export type PriceOverrideInput = { id: string; modelPattern: string; provider?: string | null; inputPerMillion: number; outputPerMillion: number; cachedInputPerMillion?: number | null; effectiveFrom: string };
export type IngestSettingsData = { pii: PiiSettings; feedbackOrigins: string[]; priceOverrides: PriceOverrideInput[] };

export const ingestSettingsKeys = { detail: (projectId: string) => ["projects", projectId, "ingest-settings"] as const };
