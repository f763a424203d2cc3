import type { Role } from "@/lib/auth/permissions";

export const memberKeys = {
  all: (projectId: string) => ["projects", projectId, "members"] as const,
  list: (projectId: string) => [...memberKeys.all(projectId), "list"] as const,
  invites: (projectId: string) => [...memberKeys.all(projectId), "invites"] as const,
};

export type MemberRow = { userId: string; email: string; name: string | null; orgRole: Role; projectRole: Role | null; role: Role };
export type InviteRow = { id: string; role: Role; email: string | null; createdAt: string; expiresAt: string };
