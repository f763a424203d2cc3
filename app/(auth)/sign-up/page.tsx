import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthFrame } from "@/components/auth/auth-frame";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { currentUser } from "@/lib/auth/current-user";
import { env } from "@/lib/env";

export const metadata = { title: "Create account" };

export default async function SignUpPage() {
  if (await currentUser()) redirect("/");
  const signupOpen = !env().PHAROS_DISABLE_SIGNUP;
  return (
    <AuthFrame title="Create your account" footer={<>Already have an account? <Link className="text-indigo-600 hover:underline" href="/sign-in">Sign in</Link></>}>
      {signupOpen ? <SignUpForm /> : <p className="text-sm text-zinc-600">Sign-up is disabled on this server. Ask an admin for an invite link.</p>}
    </AuthFrame>
  );
}
