"use client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { FieldError, Input, Label } from "@/components/ui/input";
import { apiFetch, ApiError } from "@/lib/queries/query-client";

type SignUpAnswer = { next: "check-email" | "sign-in"; message: string };

/**
 * Sign-up answers the same whether or not the email already has an account. With mail, the next
 * step is the link in the inbox; without, signing in with the password just chosen (which fails
 * for someone else's existing account: the form then points to the sign-in page). An invite is
 * accepted once signed in.
 */
export function SignUpForm({ inviteToken, email }: { inviteToken?: string; email?: string | null }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = { name: String(form.get("name") ?? ""), email: String(form.get("email")), password: String(form.get("password")), inviteToken };
    setPending(true);
    setError(null);
    try {
      const answer = await apiFetch<SignUpAnswer>("/api/auth/sign-up", { method: "POST", json: body });
      if (answer.next === "check-email") {
        setSent(answer.message);
        return;
      }
      const result = await signIn("credentials", { email: body.email, password: body.password, redirect: false }).catch(() => null);
      if (!result || result.error) {
        throw new Error(
          result?.error === "RateLimited"
            ? "Too many attempts; wait a few minutes, then sign in."
            : "Could not sign you in with this password. If you already have an account with this email, sign in on the sign-in page instead.",
        );
      }
      if (inviteToken) {
        const joined = await apiFetch<{ projectId: string | null }>(`/api/invites/${encodeURIComponent(inviteToken)}/accept`, { method: "POST" }).catch((e: Error) => {
          setError(`Signed in, but joining failed: ${e.message}`);
          return null;
        });
        if (!joined) {
          router.refresh();
          return;
        }
        router.replace(joined.projectId ? `/project/${joined.projectId}` : "/");
      } else {
        router.replace("/");
      }
      router.refresh();
    } catch (e) {
      setError(e instanceof ApiError || e instanceof Error ? e.message : "Sign-up failed");
    } finally {
      setPending(false);
    }
  }

  if (sent) {
    return (
      <div className="space-y-2 text-sm text-zinc-600" role="status">
        <p>{sent}</p>
        <p className="text-xs text-zinc-500">No mail after a few minutes? Check the spam folder, or sign up again to get a new link. If the address already has an account, the mail says so.</p>
      </div>
    );
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
