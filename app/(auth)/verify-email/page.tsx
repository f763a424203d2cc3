import Link from "next/link";
import { AuthFrame } from "@/components/auth/auth-frame";
import { VerifyEmailButton } from "@/components/auth/verify-email-button";
import { safeCallback } from "@/lib/auth/safe-callback";

export const metadata = { title: "Confirm email" };

export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<{ token?: string; next?: string }> }) {
  const params = await searchParams;
  return (
    <AuthFrame title="Confirm your email address" footer={<Link className="text-indigo-600 hover:underline" href="/sign-in">Go to sign in</Link>}>
      {params.token ? (
        <VerifyEmailButton token={params.token} next={safeCallback(params.next)} />
      ) : (
        <p className="text-sm text-zinc-600">This link is incomplete. Open the link from the mail exactly as sent.</p>
      )}
    </AuthFrame>
  );
}
