"use client";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Badge, Card, Skeleton } from "@/components/ui/card";
import { FieldError, Select } from "@/components/ui/input";
import { Table, Td } from "@/components/ui/table";
import { canGrant, outranks, ROLES, type Role } from "@/lib/auth/permissions";
import { formatDateTime, formatRelative } from "@/lib/format/format-date";
import { useInvitesQuery } from "@/lib/queries/members/use-invites-query";
import { useMemberMutations } from "@/lib/queries/members/use-member-mutations";
import { useMembersQuery } from "@/lib/queries/members/use-members-query";
import { InviteForm } from "./invite-form";

export function MembersClient({ projectId, canManage, currentUserId }: { projectId: string; canManage: boolean; currentUserId: string }) {
  const members = useMembersQuery(projectId);
  const invites = useInvitesQuery(projectId, canManage);
  const m = useMemberMutations(projectId);
  const report = { onSuccess: () => toast.success("Saved"), onError: (e: Error) => toast.error(e.message) };
  // The API's rules (lib/members): nobody changes a member whose org role outranks theirs; org roles
  // are granted with one's org role, project roles with one's project role.
  const me = members.data?.find((m) => m.userId === currentUserId);
  const canChange = (orgRole: Role) => canManage && !!me && !outranks(orgRole, me.orgRole);
  const grantable = (granter: Role | undefined, current: Role | null) => ROLES.filter((r) => r === current || (granter && canGrant(granter, r)));

  return (
    <>
      <Card title="Members" description="Roles apply to the whole organization; a project role overrides it for this project only.">
        {members.isPending ? (
          <div className="space-y-2" aria-busy="true">
            <Skeleton className="h-6 w-full" />
            <Skeleton className="h-6 w-4/6" />
          </div>
        ) : members.isError ? (
          <FieldError>{members.error.message}</FieldError>
        ) : (
          <Table head={["Member", "Org role", "Project role", "Effective", ""]}>
            {members.data.map((row) => (
              <tr key={row.userId} data-testid="member-row">
                <Td>
                  <div className="font-medium">{row.name ?? row.email}</div>
                  {row.name && <div className="text-xs text-zinc-500">{row.email}</div>}
                </Td>
                <Td>
                  {canChange(row.orgRole) ? (
                    <Select aria-label={`Org role of ${row.email}`} className="h-7 w-32 text-xs" value={row.orgRole} onChange={(e) => m.update.mutate({ userId: row.userId, role: e.target.value as Role }, report)}>
                      {grantable(me?.orgRole, row.orgRole).map((r) => <option key={r} value={r}>{r}</option>)}
                    </Select>
                  ) : (
                    row.orgRole
                  )}
                </Td>
                <Td>
                  {canChange(row.orgRole) ? (
                    <Select aria-label={`Project role of ${row.email}`} className="h-7 w-32 text-xs" value={row.projectRole ?? ""} onChange={(e) => m.update.mutate({ userId: row.userId, projectRole: (e.target.value || null) as Role | null }, report)}>
                      <option value="">(org role)</option>
                      {grantable(me?.role, row.projectRole).map((r) => <option key={r} value={r}>{r}</option>)}
                    </Select>
                  ) : (
                    row.projectRole ?? <span className="text-zinc-400">—</span>
                  )}
                </Td>
                <Td>
                  <Badge tone="indigo">{row.role}</Badge>
                </Td>
                <Td className="text-right">
                  {canChange(row.orgRole) && row.userId !== currentUserId && (
                    <Button size="sm" variant="danger" onClick={() => window.confirm(`Remove ${row.email} from the organization?`) && m.remove.mutate(row.userId, report)}>
                      Remove
                    </Button>
                  )}
                </Td>
              </tr>
            ))}
          </Table>
        )}
      </Card>
      {canManage && (
        <Card title="Invite" description="Invite links expire; anyone with the link can join with the chosen role.">
          <InviteForm projectId={projectId} />
          {invites.data && invites.data.length > 0 && (
            <div className="mt-4">
              <Table head={["Open invite", "Role", "Expires", ""]}>
                {invites.data.map((inv) => (
                  <tr key={inv.id}>
                    <Td>{inv.email ?? <span className="text-zinc-400">anyone with the link</span>}</Td>
                    <Td>{inv.role}</Td>
                    <Td className="text-zinc-500">
                      <span title={formatDateTime(inv.expiresAt)}>{new Date(inv.expiresAt) < new Date() ? `expired ${formatRelative(inv.expiresAt)}` : formatDateTime(inv.expiresAt)}</span>
                    </Td>
                    <Td className="text-right">
                      <Button size="sm" variant="ghost" onClick={() => m.revokeInvite.mutate(inv.id, report)}>
                        Revoke
                      </Button>
                    </Td>
                  </tr>
                ))}
              </Table>
            </div>
          )}
        </Card>
      )}
    </>
  );
}
