import type { Account, Profile } from "next-auth";
import { env } from "../env";

type GitHubEmail = { email?: unknown; primary?: unknown; verified?: unknown };

/**
 * The email address the provider vouches for, lowercased, or null when it vouches for none:
 * - Google and OIDC: the profile's email only when `email_verified` is true (absent is not true);
 * - GitHub: profiles carry no such claim and show a user-chosen public email, so the verified
 *   primary address is read from GET /user/emails with the sign-in's access token
 *   (scope user:email, which next-auth's GitHub provider requests);
 * - anything else: null.
 */
export async function providerVerifiedEmail(options: { account: Account; profile?: Profile }): Promise<string | null> {
  const { account } = options;
  const profile = (options.profile ?? {}) as { email?: unknown; email_verified?: unknown };
  if (account.provider === "github") return githubVerifiedPrimaryEmail(account.access_token);
  if (account.provider === "google" || account.provider === "oidc") {
    const asserted = profile.email_verified === true || profile.email_verified === "true";
    return asserted && typeof profile.email === "string" && profile.email ? profile.email.toLowerCase() : null;
  }
  return null;
}

async function githubVerifiedPrimaryEmail(accessToken: string | undefined): Promise<string | null> {
  if (!accessToken) return null;
  try {
    const res = await fetch(`${env().PHAROS_GITHUB_API_URL.replace(/\/$/, "")}/user/emails`, {
      headers: { Authorization: `Bearer ${accessToken}`, Accept: "application/vnd.github+json", "User-Agent": "Pharos", "X-GitHub-Api-Version": "2022-11-28" },
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) return null;
    const emails = (await res.json()) as GitHubEmail[];
    const primary = Array.isArray(emails) ? emails.find((e) => e.primary === true && e.verified === true && typeof e.email === "string") : undefined;
    return primary ? (primary.email as string).toLowerCase() : null;
  } catch {
    return null;
  }
}
