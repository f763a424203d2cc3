import Link from "next/link";
import { AcceptInviteButton } from "@/components/auth/accept-invite-button";
import { AuthFrame } from "@/components/auth/auth-frame";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { currentUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { getInviteOffer } from "@/lib/invites/get-invite-offer";
import { mailConfigured } from "@/lib/mail/send-mail";

export const metadata = { title: "Invitation" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  let invite: Awaited<ReturnType<typeof getInviteOffer>>;
  try {
    invite = await getInviteOffer({ token });
  } catch (error) {
    const message = error instanceof AppError ? error.message : "This invite link is not valid";
    return (
      <AuthFrame title="Invitation unavailable" footer={<Link className="text-indigo-600 hover:underline" href="/sign-in">Go to sign in</Link>}>
        <p className="text-sm text-zinc-600">{message}</p>
      </AuthFrame>
    );
  }
  const user = await currentUser();
  const callbackUrl = `/invite/${token}`;
  return (
    <AuthFrame
      title={`Join ${invite.orgName}`}
      footer={user ? null : <>Have an account? <Link className="text-indigo-600 hover:underline" href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`}>Sign in first</Link></>}
    >
      <p className="mb-4 text-sm text-zinc-600">
        You are invited as <strong>{invite.role}</strong>. The link expires {invite.expiresAt.toUTCString()}.
      </p>
      {invite.email && !user && !mailConfigured() && (
        <p className="mb-4 text-xs text-zinc-500">
          This invite is for <strong>{invite.email}</strong>, and only an account that proved it holds that address can accept it. This server cannot send mail to
          confirm it: sign in with single sign-on as that address if the sign-in page offers it, or ask the inviter for a link without an email.
        </p>
      )}
      {user ? <AcceptInviteButton token={token} /> : <SignUpForm inviteToken={token} email={invite.email} />}
    </AuthFrame>
  );
}
