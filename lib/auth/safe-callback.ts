const BASE = "http://pharos.invalid";

/**
 * Where to go after signing in: a path on this server, else "/". Parsed the way the browser
 * will parse it, so `//evil.com`, `/\evil.com` (browsers read `\` as `/`), `/%09/evil.com` and
 * `https://evil.com` all fall back to "/".
 */
export function safeCallback(url: string | undefined | null): string {
  if (!url || !url.startsWith("/")) return "/";
  let parsed: URL;
  try {
    parsed = new URL(url, BASE);
  } catch {
    return "/";
  }
  if (parsed.origin !== BASE || /[\u0000-\u001f\\]/.test(url) || url.startsWith("//")) return "/";
  return `${parsed.pathname}${parsed.search}${parsed.hash}`;
}
