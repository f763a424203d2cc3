import { env } from "./env";

/** The origin users reach Pharos at (for code samples and links): NEXTAUTH_URL, else the request's host. */
export function publicOrigin(requestHeaders: Headers): string {
  const fromRequest = `${requestHeaders.get("x-forwarded-proto") ?? "http"}://${requestHeaders.get("host")}`;
  return (env().NEXTAUTH_URL ?? fromRequest).replace(/\/$/, "");
}
