export const apiKeyKeys = {
  all: (projectId: string) => ["projects", projectId, "api-keys"] as const,
  list: (projectId: string) => [...apiKeyKeys.all(projectId), "list"] as const,
};

export type ApiKeyRow = { id: string; publicKey: string; displaySecret: string; note: string | null; createdAt: string; lastUsedAt: string | null; revokedAt: string | null };
export type CreatedApiKey = { id: string; publicKey: string; secretKey: string; note: string | null };
