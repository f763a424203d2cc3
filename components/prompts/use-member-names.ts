import { useMembersQuery } from "@/lib/queries/members/use-members-query";

/** Display names for user ids (authors, reviewers); an API key or an unknown id reads as such. */
export function useMemberNames(projectId: string) {
  const members = useMembersQuery(projectId);
  const byId = new Map((members.data ?? []).map((m) => [m.userId, m]));
  return (userId: string | null | undefined, apiKey?: string | null): string => {
    if (!userId) return apiKey ? `API key ${apiKey.slice(0, 12)}…` : "—";
    const m = byId.get(userId);
    return m ? m.name || m.email : "a former member";
  };
}
