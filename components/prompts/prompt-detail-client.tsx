"use client";
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { KeyLegend } from "@/components/ui/key-legend";
import { FieldError } from "@/components/ui/input";
import { usePromptQuery } from "@/lib/queries/prompts/use-prompt-query";
import { PromptCanariesPanel } from "@/components/canary/prompt-canaries-panel";
import { ChangeRequestsTab } from "./change-requests-tab";
import { PromptPoliciesPanel } from "./policies/policies-panel";
import { DiffTab } from "./diff-tab";
import { EditVersionDialog } from "./edit-version-dialog";
import { LabelsTab } from "./labels-tab";
import { MetricsTab } from "./metrics-tab";
import { PromptHeader } from "./prompt-header";
import { PromptTabs } from "./prompt-tabs";
import { diffPair, parsePromptView, type PromptView, serializePromptView, stepVersion } from "./prompt-url-state";
import { ProposeForm } from "./propose-form";
import { TryItTab } from "./try-it-tab";
import { useMemberNames } from "./use-member-names";
import { usePromptShortcuts, VERSION_KEYS } from "./use-prompt-shortcuts";
import { useSearchParamsPatch } from "./use-search-params-patch";
import { VersionContent } from "./version-content";
import { VersionsTab } from "./versions-tab";

type Props = { projectId: string; promptId: string; canEdit: boolean; canRollback: boolean; canConfigure: boolean };

export function PromptDetailClient({ projectId, promptId, canEdit, canRollback, canConfigure }: Props) {
  const view = parsePromptView(useSearchParams());
  const patch = useSearchParamsPatch();
  const detail = usePromptQuery(projectId, promptId);
  const nameOf = useMemberNames(projectId);
  const [editFrom, setEditFrom] = useState<number | null>(null);
  const [proposing, setProposing] = useState(false);

  const versions = detail.data?.versions.map((v) => v.version) ?? [];
  const latest = detail.data?.latestVersion ?? 0;
  const selected = view.version && versions.includes(view.version) ? view.version : latest;
  const go = (next: Partial<PromptView>) => patch({ tab: null, version: null, from: null, to: null, label: null, status: null, ...Object.fromEntries(new URLSearchParams(serializePromptView(next))) }, { push: true });
  const hrefFor = (tab: PromptView["tab"]) => `?${serializePromptView({ tab, version: view.version, ...(tab === "diff" ? { from: view.from, to: view.to } : {}) })}`;
  const toDiff = (v: number) => go({ tab: "diff", version: view.version, from: Math.max(1, v - 1), to: v });

  usePromptShortcuts(view.tab === "versions" && Boolean(detail.data), (s) => {
    if (s === "next" || s === "prev") {
      const v = stepVersion(versions, selected, s === "next" ? 1 : -1);
      if (v) patch({ version: v === latest ? null : v });
    }
    if (s === "diff" && selected > 1) toDiff(selected);
    if (s === "try") go({ tab: "try", version: selected });
    if (s === "edit" && canEdit) setEditFrom(selected);
  });

  if (detail.isError) return <FieldError>{detail.error.message}</FieldError>;
  const d = detail.data;
  return (
    <div className="space-y-4">
      <PromptHeader projectId={projectId} detail={d} canEdit={canEdit} onEdit={() => setEditFrom(selected)} onPropose={() => setProposing(true)} />
      <PromptTabs current={view.tab} hrefFor={hrefFor} counts={{ changes: d?.openChangeRequests }} />
      {d && view.tab === "versions" && (
        <>
          <KeyLegend keys={canEdit ? VERSION_KEYS : VERSION_KEYS.filter(([k]) => k !== "e")} />
          <VersionsTab detail={d} selected={selected} canEdit={canEdit} nameOf={nameOf} onSelect={(v) => patch({ version: v === latest ? null : v })} onDiff={toDiff} onTry={(v) => go({ tab: "try", version: v })} onEdit={setEditFrom}>
            <VersionContent version={d.versions.find((v) => v.version === selected)!} />
          </VersionsTab>
        </>
      )}
      {d && view.tab === "diff" && <DiffTab projectId={projectId} detail={d} {...diffPair(view, latest)} onChange={(pair) => patch(pair)} />}
      {d && view.tab === "try" && <TryItTab projectId={projectId} detail={d} version={selected} onVersion={(v) => patch({ version: v })} />}
      {d && view.tab === "metrics" && <MetricsTab projectId={projectId} detail={d} />}
      {d && view.tab === "labels" && <LabelsTab projectId={projectId} detail={d} label={view.label} canRollback={canRollback} nameOf={nameOf} onLabel={(label) => patch({ label })} />}
      {d && view.tab === "canaries" && <PromptCanariesPanel projectId={projectId} promptId={promptId} canManage={canEdit} />}
      {d && view.tab === "policies" && <PromptPoliciesPanel projectId={projectId} promptId={promptId} canEdit={canConfigure} />}
      {d && view.tab === "changes" && <ChangeRequestsTab projectId={projectId} detail={d} status={view.status} nameOf={nameOf} hrefFor={(status) => `?${serializePromptView({ tab: "changes", status })}`} />}
      {d && <EditVersionDialog projectId={projectId} detail={d} baseVersion={editFrom} onClose={() => setEditFrom(null)} onCreated={(v) => patch({ version: v === latest ? null : v })} />}
      {d && (
        <Dialog open={proposing} onOpenChange={setProposing} title="Propose a version for a label" description="Opens a change request; the label moves when its policy holds.">
          <ProposeForm projectId={projectId} detail={d} version={null} onDone={() => setProposing(false)} onCancel={() => setProposing(false)} />
        </Dialog>
      )}
    </div>
  );
}
