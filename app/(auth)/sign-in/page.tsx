import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthFrame } from "@/components/auth/auth-frame";
import { SignInForm } from "@/components/auth/sign-in-form";
import { oauthProviderList } from "@/lib/auth/auth-options";
import { currentUser } from "@/lib/auth/current-user";
import { env } from "@/lib/env";
import { safeCallback } from "@/lib/auth/safe-callback";
import { mailConfigured } from "@/lib/mail/send-mail";

export const metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const params = await searchParams;
  const callbackUrl = safeCallback(params.callbackUrl);
  if (await currentUser()) redirect(callbackUrl);
  const signupOpen = !env().PHAROS_DISABLE_SIGNUP;
  return (
    <AuthFrame title="Sign in to Pharos" footer={signupOpen ? <>New here? <Link className="text-indigo-600 hover:underline" href="/sign-up">Create an account</Link></> : null}>
      <SignInForm callbackUrl={callbackUrl} providers={oauthProviderList()} initialError={params.error} mailConfigured={mailConfigured()} />
    </AuthFrame>
  );
}
