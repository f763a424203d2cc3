"use client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { FieldError, Input, Label } from "@/components/ui/input";
import { apiFetch, ApiError } from "@/lib/queries/query-client";

export function SignUpForm({ inviteToken, email }: { inviteToken?: string; email?: string | null }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = { name: String(form.get("name") ?? ""), email: String(form.get("email")), password: String(form.get("password")), inviteToken };
    setPending(true);
    setError(null);
    try {
      const created = await apiFetch<{ projectId: string | null }>("/api/auth/sign-up", { method: "POST", json: body });
      const result = await signIn("credentials", { email: body.email, password: body.password, redirect: false });
      if (!result || result.error) throw new Error("Account created, but signing in failed; try the sign-in page.");
      router.replace(created.projectId ? `/project/${created.projectId}` : "/");
      router.refresh();
    } catch (e) {
      setError(e instanceof ApiError || e instanceof Error ? e.message : "Sign-up failed");
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3">
      <div>
        <Label htmlFor="name">Name</Label>
        <Input id="name" name="name" autoComplete="name" />
      </div>
      <div>
        <Label htmlFor="email">Email</Label>
        <Input id="email" name="email" type="email" autoComplete="email" required defaultValue={email ?? undefined} />
      </div>
      <div>
        <Label htmlFor="password">Password</Label>
        <Input id="password" name="password" type="password" autoComplete="new-password" minLength={8} required />
        <p className="mt-1 text-xs text-zinc-500">At least 8 characters.</p>
      </div>
      <FieldError>{error}</FieldError>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating account…" : "Create account"}
      </Button>
    </form>
  );
}
