import { describe, expect, it } from "vitest";
import { isMaskedWebhookUrl, maskWebhookUrl, webhookUrlChange } from "./webhook-url";

const SLACK = "https://hooks.slack.com/services/T0000/B0000/XXXXXXXXXXXXXXXXXXXX1a2b";

describe("webhook URL masking", () => {
  it("keeps scheme and host, and the last four characters of a long URL only", () => {
    expect(maskWebhookUrl(SLACK)).toBe("https://hooks.slack.com/…/••••1a2b");
    expect(maskWebhookUrl("http://127.0.0.1:8080/hook")).toBe("http://127.0.0.1:8080/…");
    expect(maskWebhookUrl("https://hooks.example.com/x?token=abcdefghijklmnop9876")).toBe("https://hooks.example.com/…/••••9876");
    expect(maskWebhookUrl("https://bot:hunter22@hooks.example.com/a")).toBe("https://hooks.example.com/…");
    expect(maskWebhookUrl("not a url")).toBe("…");
    expect(isMaskedWebhookUrl(maskWebhookUrl(SLACK))).toBe(true);
    expect(isMaskedWebhookUrl(SLACK)).toBe(false);
  });

  it("keeps the stored URL when an update omits it or sends its mask back, and refuses another mask", () => {
    expect(webhookUrlChange({ stored: SLACK, input: undefined, field: "body.webhookUrl" })).toBe("keep");
    expect(webhookUrlChange({ stored: SLACK, input: "https://hooks.slack.com/…/••••1a2b", field: "body.webhookUrl" })).toBe("keep");
    expect(webhookUrlChange({ stored: SLACK, input: "https://hooks.slack.com/services/T1/B1/new", field: "body.webhookUrl" })).toBe("set");
    expect(webhookUrlChange({ stored: SLACK, input: null, field: "body.url" })).toBe("set");
    expect(() => webhookUrlChange({ stored: SLACK, input: "https://hooks.slack.com/…/••••ffff", field: "body.webhookUrl" })).toThrow(/^body\.webhookUrl: this is a masked webhook URL/);
    expect(() => webhookUrlChange({ stored: null, input: "https://hooks.slack.com/…", field: "body.url" })).toThrow(/^body\.url:/);
  });
});
