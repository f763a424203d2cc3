"use client";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { FieldError, Input, Label, Select } from "@/components/ui/input";
import { ROLES } from "@/lib/auth/permissions";
import { useMemberMutations } from "@/lib/queries/members/use-member-mutations";
import { CopyField } from "./copy-field";

export function InviteForm({ projectId }: { projectId: string }) {
  const { invite } = useMemberMutations(projectId);
  const [link, setLink] = useState<string | null>(null);
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const created = await invite.mutateAsync({ role: form.get("role") as (typeof ROLES)[number], email: email || undefined });
    setLink(`${window.location.origin}${created.path}`);
  }
  return (
    <div className="space-y-3">
      <form onSubmit={(e) => onSubmit(e).catch(() => undefined)} className="flex flex-wrap items-end gap-2">
        <div className="w-64">
          <Label htmlFor="invite-email">Email (optional, locks the link to it)</Label>
          <Input id="invite-email" name="email" type="email" placeholder="teammate@company.com" />
        </div>
        <div className="w-36">
          <Label htmlFor="invite-role">Role</Label>
          <Select id="invite-role" name="role" defaultValue="engineer">
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </Select>
        </div>
        <Button type="submit" disabled={invite.isPending}>
          {invite.isPending ? "Creating…" : "Create invite link"}
        </Button>
      </form>
      <FieldError>{invite.error?.message}</FieldError>
      {link && <CopyField label="Invite link (shown once)" value={link} testId="invite-link" />}
    </div>
  );
}
