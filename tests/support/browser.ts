import { type Browser, chromium, type Page } from "playwright-core";
import { registerServerSecret } from "./pharos-server";

/** Debian's Chromium (or CHROMIUM_PATH), driven by playwright-core. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
  });
}

/** The browser context's next-auth session token, registered as a secret of the server at baseUrl. */
export async function registerSessionToken(page: Page, baseUrl: string, who: string): Promise<void> {
  const session = (await page.context().cookies(baseUrl)).find((c) => c.name.endsWith("next-auth.session-token"));
  if (session) registerServerSecret(baseUrl, session.value, `session token of ${who}`);
}
