"use client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { FieldError, Input, Label } from "@/components/ui/input";

// One message for an unknown email, a wrong password and (with mail) an unconfirmed address: the
// answer must not tell which accounts exist.
const ERRORS: Record<string, string> = {
  CredentialsSignin: "Wrong email or password.",
  RateLimited: "Too many failed sign-ins for this account or from this network. Wait a few minutes, then try again.",
  SignupDisabled: "Sign-up is disabled on this server; ask an admin for an invite.",
  OAuthNoEmail: "Your account at the provider has no email address.",
  OAuthEmailNotVerified: "The provider does not vouch for your email address. Verify it there first (on GitHub: a verified primary email), then try again.",
  OAuthAccountNotVerified:
    "An account with this email exists here, but its address was never verified, so single sign-on cannot be joined to it. Verify it through the link in its sign-up mail, or ask the operator of this server.",
};
const UNCONFIRMED_HINT = "Wrong email or password, or the address is not confirmed yet (open the link in the mail we sent you).";

export function SignInForm({ callbackUrl, providers, initialError, mailConfigured = false }: { callbackUrl: string; providers: { id: string; name: string }[]; initialError?: string; mailConfigured?: boolean }) {
  const router = useRouter();
  const messageFor = (code: string | undefined | null) => (code === "CredentialsSignin" && mailConfigured ? UNCONFIRMED_HINT : (ERRORS[code ?? ""] ?? "Sign-in failed."));
  const [error, setError] = useState<string | null>(initialError ? messageFor(initialError) : null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", { email: String(form.get("email")), password: String(form.get("password")), redirect: false }).catch(() => null);
    setPending(false);
    if (!result || result.error) {
      setError(messageFor(result?.error ?? "CredentialsSignin"));
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  }

  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} className="space-y-3">
        <div>
          <Label htmlFor="email">Email</Label>
          <Input id="email" name="email" type="email" autoComplete="email" required autoFocus />
        </div>
        <div>
          <Label htmlFor="password">Password</Label>
          <Input id="password" name="password" type="password" autoComplete="current-password" required />
        </div>
        <FieldError>{error}</FieldError>
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? "Signing in…" : "Sign in"}
        </Button>
      </form>
      {providers.length > 0 && (
        <div className="space-y-2 border-t border-zinc-200 pt-4 dark:border-zinc-800">
          {providers.map((p) => (
            <Button key={p.id} variant="secondary" className="w-full" onClick={() => signIn(p.id, { callbackUrl })}>
              Continue with {p.name}
            </Button>
          ))}
        </div>
      )}
    </div>
  );
}
