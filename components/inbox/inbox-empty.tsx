"use client";
import Link from "next/link";
import { EmptyState, Skeleton } from "@/components/ui/card";
import { useTriageRulesQuery } from "@/lib/queries/triage/use-triage-rules-query";
import { describeRules } from "@/lib/triage/rules";

/** What puts traces into the inbox, so an empty inbox explains itself. */
export function InboxEmpty({ projectId, filtered }: { projectId: string; filtered: boolean }) {
  const rules = useTriageRulesQuery(projectId);
  const lines = rules.data ? describeRules(rules.data.rules) : null;
  return (
    <EmptyState title={filtered ? "Nothing matches these filters" : "The inbox is empty"}>
      <div className="mx-auto max-w-md text-left">
        <p>New traces land here when {lines === null ? "a rule matches" : lines.length === 0 ? "— no rules are on, so only traces sent by hand" : "any of these happens:"}</p>
        {lines === null ? <Skeleton className="mt-2 h-12 w-full" /> : (
          <ul className="mt-1 list-disc pl-5">
            {lines.map((l) => <li key={l}>{l}</li>)}
          </ul>
        )}
        <p className="mt-2">
          Change the rules under <Link className="text-indigo-600 underline" href={`/project/${projectId}/settings/inbox`}>Settings → Inbox rules</Link>. Rules apply to traces as they arrive.
        </p>
      </div>
    </EmptyState>
  );
}
