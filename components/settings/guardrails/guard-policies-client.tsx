"use client";
import { ShieldCheck } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Badge, Card, EmptyState, Skeleton } from "@/components/ui/card";
import { FieldError } from "@/components/ui/input";
import { Table, Td } from "@/components/ui/table";
import { formatDateTime, formatRelative } from "@/lib/format/format-date";
import type { GuardPolicyRow } from "@/lib/queries/guard/keys";
import { useDeleteGuardPolicy } from "@/lib/queries/guard/use-delete-guard-policy";
import { useGuardPoliciesQuery } from "@/lib/queries/guard/use-guard-policies-query";
import { GuardPolicyEditor } from "./guard-policy-editor";
import { summarizePolicy } from "./policy-form-values";

/** Guard policies: the list, and the one being edited (`?policy=<name>`, or `?new=1`) so a link or a reload lands on it. */
export function GuardPoliciesClient({ projectId, canEdit }: { projectId: string; canEdit: boolean }) {
  const policies = useGuardPoliciesQuery(projectId);
  const remove = useDeleteGuardPolicy(projectId);
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const selectedName = search.get("policy");
  const creating = search.get("new") === "1";
  const href = (params: Record<string, string>) => `${pathname}${Object.keys(params).length ? `?${new URLSearchParams(params)}` : ""}`;
  const select = (name: string | null) => router.replace(href(name ? { policy: name } : {}), { scroll: false });

  function onDelete(p: GuardPolicyRow) {
    if (!p.id || !window.confirm(`Delete the policy "${p.name}"? Guard calls that name it will be refused (400).${p.isDefault ? ' The policy named "default" becomes the default.' : ""}`)) return;
    remove.mutate(p.id, {
      onSuccess: () => {
        toast.success(`Policy "${p.name}" deleted`);
        if (selectedName === p.name) select(null);
      },
      onError: (e) => toast.error(e.message),
    });
  }

  const list = policies.data ?? [];
  const selected = selectedName === null ? undefined : list.find((p) => p.name === selectedName);
  return (
    <div className="space-y-6">
      <Card
        title="Guardrails"
        description="Named policies for POST /api/public/guard: which detectors run on inputs and outputs, and whether each finding blocks, masks or is only reported. Every change is in the audit log."
        actions={canEdit && (
          <Link href={href({ new: "1" })} scroll={false} className="inline-flex h-7 items-center gap-1.5 whitespace-nowrap rounded-md bg-indigo-600 px-2.5 text-xs font-medium text-white hover:bg-indigo-500">
            <ShieldCheck className="h-3.5 w-3.5" /> New policy
          </Link>
        )}
      >
        {policies.isPending ? (
          <div className="space-y-2" aria-busy="true" aria-label="Loading guard policies">
            <Skeleton className="h-6 w-full" />
            <Skeleton className="h-6 w-4/6" />
          </div>
        ) : policies.isError ? (
          <FieldError>{policies.error.message}</FieldError>
        ) : list.length === 0 ? (
          <EmptyState title="No guard policies">The built-in default applies.</EmptyState>
        ) : (
          <Table head={["Policy", "What it does", "Updated", ""]}>
            {list.map((p) => (
              <tr key={p.name} data-testid="guard-policy-row" className={p.name === selectedName ? "bg-indigo-50/60 dark:bg-indigo-950/30" : undefined}>
                <Td className="whitespace-nowrap">
                  <Link href={href({ policy: p.name })} scroll={false} className="font-medium text-indigo-600 hover:underline dark:text-indigo-400">{p.name}</Link>
                  <span className="ml-2 inline-flex gap-1">
                    {p.isDefault && <Badge tone="indigo">default</Badge>}
                    {p.builtIn && <Badge>built-in</Badge>}
                  </span>
                  {p.description && <span className="block max-w-64 truncate text-xs text-zinc-500" title={p.description}>{p.description}</span>}
                </Td>
                <Td className="max-w-xl text-xs text-zinc-600 dark:text-zinc-400">
                  {summarizePolicy(p)}
                  {p.deniedTerms.length > 0 && <span className="block text-zinc-500">{p.deniedTerms.length} denied term{p.deniedTerms.length === 1 ? "" : "s"}</span>}
                  {(p.systemPrompts.prompts.length > 0 || p.systemPrompts.texts.length > 0) && (
                    <span className="block text-zinc-500">System prompts: {[...p.systemPrompts.prompts, ...(p.systemPrompts.texts.length ? [`${p.systemPrompts.texts.length} text(s)`] : [])].join(", ")}</span>
                  )}
                </Td>
                <Td className="whitespace-nowrap text-zinc-500">{p.updatedAt ? <span title={formatDateTime(p.updatedAt)}>{formatRelative(p.updatedAt)}</span> : "—"}</Td>
                <Td className="text-right">
                  <div className="flex items-center justify-end gap-2">
                    <Link href={href({ policy: p.name })} scroll={false} className="inline-flex h-7 items-center rounded-md border border-zinc-300 px-2.5 text-xs font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">{canEdit ? "Edit" : "View"}</Link>
                    {canEdit && p.id && <Button size="sm" variant="danger" disabled={remove.isPending} onClick={() => onDelete(p)}>Delete</Button>}
                  </div>
                </Td>
              </tr>
            ))}
          </Table>
        )}
      </Card>
      {policies.isSuccess && selectedName !== null && !selected && <FieldError>{`No guard policy named "${selectedName}".`}</FieldError>}
      {(creating ? canEdit : selected) && (
        <GuardPolicyEditor
          key={creating ? "new" : `${selected!.name}:${selected!.updatedAt}`}
          projectId={projectId}
          policy={creating ? null : selected!}
          canEdit={canEdit}
          onSaved={(name) => select(name)}
          onClose={() => select(null)}
        />
      )}
    </div>
  );
}
