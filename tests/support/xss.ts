// XSS payloads for browser tests, and the check that none of them ran or became markup.
import type { Page } from "playwright-core";
import { expect } from "vitest";

// Each payload, if it ever ran, would set window.__xss and/or open a dialog.
export const IMG = `<img src=x onerror="window.__xss=1;alert('img')">`;
export const SCRIPT = `<script>window.__xss=1;alert('script')</script>`;
export const JS_LINK = `[open the docs](javascript:window.__xss=1;alert('link'))`;
export const BARE_JS = "javascript:window.__xss=1;alert('bare')";
export const SVG = `"><svg onload="window.__xss=1;alert('svg')">`;
export const TAG = `<img src=x onerror=window.__xss=1>`;

/** Collects the page's dialogs (dismissed), so a test can assert none opened. */
export function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return dialogs;
}

/** No payload ran and none became markup: no flag, no dialog, no handler attributes, no javascript: links. */
export async function expectNothingInjected(page: Page, dialogs: string[], where = page.url()) {
  await page.waitForTimeout(300); // let any (wrongly) injected onerror/onload fire before checking
  const report = await page.evaluate(() => ({
    flag: (window as unknown as { __xss?: unknown }).__xss,
    handlers: [...document.querySelectorAll("*")].flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith("on")).map((a) => `${el.tagName}[${a.name}]`)),
    jsLinks: [...document.querySelectorAll("a[href], [src], [action], [formaction]")].filter((el) => /^\s*javascript:/i.test(el.getAttribute("href") ?? el.getAttribute("src") ?? "")).length,
    imgX: document.querySelectorAll('img[src="x"]').length,
    svgs: [...document.querySelectorAll("svg")].filter((s) => s.hasAttribute("onload")).length,
    scripts: [...document.scripts].filter((s) => (s.textContent ?? "").includes("__xss")).length,
  }));
  expect(report, where).toEqual({ flag: undefined, handlers: [], jsLinks: 0, imgX: 0, svgs: 0, scripts: 0 });
  expect(dialogs, where).toEqual([]);
}
