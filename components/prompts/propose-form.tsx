"use client";
import { GitPullRequest } from "lucide-react";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { FieldError, Input, Label, Select } from "@/components/ui/input";
import { TextArea } from "@/components/datasets/json-value";
import type { PromptDetail } from "@/lib/queries/prompts/keys";
import { usePromptMutations } from "@/lib/queries/prompts/use-prompt-mutations";
import { orderLabels } from "./prompt-list-model";

const CUSTOM = "__custom__";

/** The labels a version can be proposed for: production, staging and the prompt's own; never `latest`, which always follows the newest version. */
export function proposableLabels(detail: PromptDetail): string[] {
  const own = detail.labels.filter((l) => !l.virtual).map((l) => l.label);
  return orderLabels([...new Set(["production", "staging", ...own])].map((label) => ({ label }))).map((l) => l.label);
}

type Props = { projectId: string; detail: PromptDetail; version: number | null; onDone: () => void; onCancel: () => void };

/** "Propose for …": pick a label (and the version, when not given); opens a change request and goes to it. */
export function ProposeForm({ projectId, detail, version: fixedVersion, onDone, onCancel }: Props) {
  const router = useRouter();
  const { propose } = usePromptMutations(projectId);
  const labels = proposableLabels(detail);
  const [label, setLabel] = useState(labels[0] ?? "production");
  const [custom, setCustom] = useState("");
  const [version, setVersion] = useState(fixedVersion ?? detail.latestVersion);
  const [description, setDescription] = useState("");
  const target = label === CUSTOM ? custom.trim() : label;
  const current = detail.labels.find((l) => l.label === target);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const result = await propose.mutateAsync({ promptId: detail.prompt.id, label: target, version, ...(description.trim() ? { description: description.trim() } : {}) });
    const cr = result.changeRequest;
    if (result.move) toast.success(`${target} now points at v${version} (this label needs no approval)`);
    else toast.success(result.created ? `Change request opened: v${version} → ${target}` : `A request for v${version} → ${target} is already open`);
    onDone();
    router.push(`/project/${projectId}/prompts/${detail.prompt.id}/change-requests/${cr.id}`);
  }

  return (
    <form onSubmit={(e) => onSubmit(e).catch(() => undefined)} className="space-y-3" data-testid="propose-form">
      <div className="grid grid-cols-2 gap-3">
        <div>
          <Label htmlFor="propose-label">Propose for label</Label>
          <Select id="propose-label" value={label} onChange={(e) => setLabel(e.target.value)}>
            {labels.map((l) => <option key={l} value={l}>{l}</option>)}
            <option value={CUSTOM}>Another label…</option>
          </Select>
          {label === CUSTOM && <Input aria-label="Label name" className="mt-2 font-mono" value={custom} onChange={(e) => setCustom(e.target.value.toLowerCase())} placeholder="e.g. eu-canary" pattern="[a-z0-9._\-]+" required />}
        </div>
        <div>
          <Label htmlFor="propose-version">Version</Label>
          <Select id="propose-version" value={version} disabled={fixedVersion !== null} onChange={(e) => setVersion(Number(e.target.value))}>
            {detail.versions.map((v) => <option key={v.version} value={v.version}>v{v.version}{v.commitMessage ? ` — ${v.commitMessage.slice(0, 40)}` : ""}</option>)}
          </Select>
        </div>
      </div>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {current ? <>Now <strong>{target}</strong> points at <strong>v{current.version}</strong>. Reviewers see the diff v{current.version} → v{version}.</> : target ? <><strong>{target}</strong> does not exist yet; it is created when the request merges.</> : null}
      </p>
      <div>
        <Label htmlFor="propose-description">Why (optional, shown to reviewers)</Label>
        <TextArea id="propose-description" rows={3} className="font-sans text-sm" value={description} onChange={(e) => setDescription(e.target.value)} />
      </div>
      <FieldError>{propose.error?.message}</FieldError>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel}>Not now</Button>
        <Button type="submit" disabled={propose.isPending || !target || current?.version === version}>
          <GitPullRequest className="size-4" /> {propose.isPending ? "Proposing…" : `Propose v${version} for ${target || "…"}`}
        </Button>
      </div>
    </form>
  );
}
