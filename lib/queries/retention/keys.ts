import type { RetentionSettings } from "@/lib/schemas/retention";

export type RetentionResponse = RetentionSettings;

export const retentionKeys = {
  settings: (projectId: string) => ["projects", projectId, "retention"] as const,
};

export const retentionPath = (projectId: string) => `/api/projects/${projectId}/settings/retention`;
