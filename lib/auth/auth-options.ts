import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import type { Provider } from "next-auth/providers/index";
import { env } from "../env";
import { AppError } from "../errors";
import { signInBody } from "../schemas/auth";
import { clientIp } from "./auth-limits";
import { signInWithPassword } from "./sign-in-with-password";
import { linkOAuthAccount } from "./link-oauth-account";
import { sessionCookies } from "./session-cookies";

/** Sign-in providers: email + password always; OAuth/OIDC only when configured. */
function providers(): Provider[] {
  const list: Provider[] = [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const parsed = signInBody.safeParse(credentials ?? {});
        if (!parsed.success) return null;
        try {
          return await signInWithPassword({ ...parsed.data, ip: clientIp(req?.headers) });
        } catch (error) {
          // The route answers 429 before next-auth runs (sign-in-rate-limit.ts); this covers a race.
          if (error instanceof AppError && error.code === "RATE_LIMITED") throw new Error("RateLimited");
          throw error;
        }
      },
    }),
  ];
  const e = env();
  if (e.GITHUB_CLIENT_ID && e.GITHUB_CLIENT_SECRET) {
    list.push(GitHubProvider({ clientId: e.GITHUB_CLIENT_ID, clientSecret: e.GITHUB_CLIENT_SECRET }));
  }
  if (e.GOOGLE_CLIENT_ID && e.GOOGLE_CLIENT_SECRET) {
    list.push(GoogleProvider({ clientId: e.GOOGLE_CLIENT_ID, clientSecret: e.GOOGLE_CLIENT_SECRET }));
  }
  if (e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET) {
    list.push({
      id: "oidc",
      name: e.OIDC_NAME || "Single sign-on",
      type: "oauth",
      wellKnown: `${e.OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state"],
      clientId: e.OIDC_CLIENT_ID,
      clientSecret: e.OIDC_CLIENT_SECRET,
      profile(profile: { sub: string; email?: string; name?: string; email_verified?: boolean }) {
        return { id: profile.sub, email: profile.email, name: profile.name ?? null, emailVerified: profile.email_verified };
      },
    } as Provider);
  }
  return list;
}

/** OAuth providers shown on the sign-in page. */
export function oauthProviderList(): { id: string; name: string }[] {
  return providers()
    .filter((p) => p.id !== "credentials")
    .map((p) => ({ id: p.id, name: p.name }));
}

const cookies = sessionCookies();

export const authOptions: NextAuthOptions = {
  providers: providers(),
  session: { strategy: "jwt", maxAge: 30 * 24 * 3600 },
  useSecureCookies: cookies.secure,
  cookies: { sessionToken: cookies.sessionToken, callbackUrl: cookies.callbackUrl, csrfToken: cookies.csrfToken },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  callbacks: {
    async signIn({ user, account, profile }) {
      if (!account || account.type === "credentials") return true;
      const result = await linkOAuthAccount({ user, account, profile });
      if (!result.ok) return `/sign-in?error=${result.error}`;
      user.id = result.userId;
      return true;
    },
    async jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    async session({ session, token }) {
      if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
      return session;
    },
  },
};
