// A second person in a browser test: invited by the owner with a role, signed up through the invite link in their own browser context.
import type { Browser, Page } from "playwright-core";
import { registerSessionToken } from "./browser";
import { registerServerSecret } from "./pharos-server";

/** The invite token, the password and the new session token join the secrets the server's logs are scanned for. */
export async function joinAs(browser: Browser, baseUrl: string, ownerCookie: string, projectId: string, role: "engineer" | "admin"): Promise<{ page: Page; email: string }> {
  const res = await fetch(`${baseUrl}/api/projects/${projectId}/invites`, { method: "POST", headers: { cookie: ownerCookie, "content-type": "application/json" }, body: JSON.stringify({ role }) });
  const { path, token } = (await res.json()) as { path: string; token: string };
  registerServerSecret(baseUrl, token, `${role} invite token`);
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1440, height: 1000 } });
  const page = await context.newPage();
  await page.goto(path);
  const email = `${role}-${Date.now()}@example.test`;
  const password = `${role} password 1`;
  registerServerSecret(baseUrl, password, `${role} password`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(`**/project/${projectId}/**`);
  await registerSessionToken(page, baseUrl, role);
  return { page, email };
}

