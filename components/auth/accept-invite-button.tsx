"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/input";
import { apiFetch } from "@/lib/queries/query-client";

export function AcceptInviteButton({ token }: { token: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  async function accept() {
    setPending(true);
    try {
      const joined = await apiFetch<{ projectId: string | null }>(`/api/invites/${encodeURIComponent(token)}/accept`, { method: "POST" });
      router.replace(joined.projectId ? `/project/${joined.projectId}` : "/");
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
      setPending(false);
    }
  }
  return (
    <div>
      <Button className="w-full" onClick={accept} disabled={pending}>
        {pending ? "Joining…" : "Accept invite"}
      </Button>
      <FieldError>{error}</FieldError>
    </div>
  );
}
