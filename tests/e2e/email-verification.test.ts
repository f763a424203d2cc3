// Browser: with SMTP configured, sign-up says "check your inbox", the mailed link (received by a
// real SMTP server on 127.0.0.1) confirms the address on a click, and only then does sign-in work.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../support/browser";
import { type PharosServer, startPharos } from "../support/pharos-server";
import { smtpSink } from "../support/smtp-sink";

describe("browser: sign-up → mailed link → confirm → sign in", () => {
  const smtp = smtpSink();
  let server: PharosServer;
  let browser: Browser;
  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    [server, browser] = await Promise.all([startPharos({ env: { PHAROS_SMTP_URL: smtpUrl, PHAROS_MAIL_FROM: "Pharos <pharos@example.test>" } }), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await smtp.close();
  });

  it("confirms the address through the link before the password works", async () => {
    const email = `mae-${Date.now()}@example.test`;
    const password = "confirmed password";
    const page = await browser.newPage({ baseURL: server.baseUrl });
    await page.goto("/sign-up");
    await page.getByLabel("Name").fill("Mae");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByText("Check your inbox").waitFor();

    // Not confirmed yet: the one sign-in message, which mentions the link.
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText("Wrong email or password, or the address is not confirmed yet").waitFor();

    const [mail] = await smtp.mailsTo(email);
    const link = /(https?:\/\/\S+\/verify-email\?token=[A-Za-z0-9_-]+)/.exec(mail!.text)![1]!;
    const url = new URL(link);
    // Opening the page (as a mail scanner would) spends nothing; the click does.
    await page.goto(`${url.pathname}${url.search}`);
    await page.reload();
    await page.getByRole("button", { name: "Confirm my email address" }).click();
    await page.getByText("is confirmed").waitFor();
    await page.getByRole("link", { name: "Sign in" }).first().click();
    await page.waitForURL("**/sign-in**");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL("**/new-project");

    // The link worked once.
    const again = await page.request.post("/api/auth/verify-email", { data: { token: url.searchParams.get("token") }, headers: { origin: server.baseUrl } });
    expect(again.status()).toBe(410);
  });
});
