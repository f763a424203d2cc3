// GET|POST /api/auth/* – next-auth: sign-in, sign-out, session, CSRF, OAuth callbacks
// (password sign-ins pass the per-account and per-IP lockout first: 429 with Retry-After)
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";
import { signInRateLimitResponse } from "@/lib/auth/sign-in-rate-limit";

const handler = NextAuth(authOptions);

export async function POST(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) {
  return (await signInRateLimitResponse(req)) ?? handler(req, ctx);
}

export { handler as GET };
