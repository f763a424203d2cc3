"use client";
import { Card, EmptyState, Skeleton } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/input";
import { useMembersQuery } from "@/lib/queries/members/use-members-query";
import { useAuditLogQuery } from "@/lib/queries/prompts/use-audit-log-query";
import { AuditEntryRow } from "./audit-entry-row";
import { AuditFilters } from "./audit-filters";
import { flattenAuditPages } from "./prepare-audit-entry";
import { useAuditView } from "./use-audit-view";

/** Every audited change in the project, newest first, filtered from the URL, a keyset page at a time. */
export function AuditClient({ projectId }: { projectId: string }) {
  const { view, filters, setView } = useAuditView();
  const log = useAuditLogQuery(projectId, filters);
  const members = useMembersQuery(projectId);
  const { entries, users } = flattenAuditPages(log.data?.pages);
  const filtered = Object.keys(filters).length > 0;
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-xl font-semibold">Audit log</h1>
        <p className="mt-1 text-sm text-zinc-500">Who changed what, with the values before and after: prompt versions, label moves, approvals, rollbacks, canaries, policies, members and settings.</p>
      </div>
      <AuditFilters view={view} setView={setView} members={members.data ?? []} />
      <Card className="overflow-hidden [&>div]:p-0">
        {log.isPending ? (
          <div className="space-y-3 p-4">{[0, 1, 2, 3].map((i) => <Skeleton key={i} className="h-12 w-full" />)}</div>
        ) : log.isError ? (
          <div className="p-4"><FieldError>{log.error.message}</FieldError></div>
        ) : entries.length === 0 ? (
          <div className="p-4">
            <EmptyState title={filtered ? "Nothing matches these filters" : "Nothing audited yet"}>
              {filtered ? "Try a shorter action prefix or a longer time range." : "Changes to prompts, members and settings appear here as they happen."}
            </EmptyState>
          </div>
        ) : (
          <ol className="divide-y divide-zinc-100 dark:divide-zinc-800" aria-label="Audit entries">
            {entries.map((e) => <AuditEntryRow key={e.id} entry={e} users={users} />)}
          </ol>
        )}
      </Card>
      {log.hasNextPage && (
        <div className="flex justify-center">
          <Button variant="secondary" onClick={() => log.fetchNextPage()} disabled={log.isFetchingNextPage}>{log.isFetchingNextPage ? "Loading…" : "Load more"}</Button>
        </div>
      )}
      {!log.hasNextPage && entries.length > 0 && <p className="text-center text-xs text-zinc-400">{entries.length} {entries.length === 1 ? "entry" : "entries"}, the end of the log{filtered ? " for these filters" : ""}.</p>}
    </div>
  );
}
