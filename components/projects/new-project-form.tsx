"use client";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { FieldError, Input, Label, Select } from "@/components/ui/input";
import { apiFetch } from "@/lib/queries/query-client";

export function NewProjectForm({ orgs, defaultOrgId }: { orgs: { id: string; name: string }[]; defaultOrgId?: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const project = await apiFetch<{ id: string }>(`/api/orgs/${String(form.get("orgId"))}/projects`, { method: "POST", json: { name: form.get("name") } });
      router.push(`/project/${project.id}/settings/api-keys`);
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3">
      <div>
        <Label htmlFor="orgId">Organization</Label>
        <Select id="orgId" name="orgId" defaultValue={defaultOrgId ?? orgs[0]?.id}>
          {orgs.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </Select>
      </div>
      <div>
        <Label htmlFor="project-name">Project name</Label>
        <Input id="project-name" name="name" placeholder="e.g. support-assistant" required maxLength={100} autoFocus />
      </div>
      <FieldError>{error}</FieldError>
      <Button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create project"}
      </Button>
    </form>
  );
}
