import { describe, expect, it } from "vitest";
import { maskPii, maskText } from "./mask-pii";
import { DEFAULT_PII_SETTINGS, type PiiSettings, piiSettingsSchema } from "./settings";

const settings = (patch: Partial<PiiSettings> = {}): PiiSettings => ({ ...DEFAULT_PII_SETTINGS, ...patch });

/** No 5-char window of the secret may survive anywhere in the output. */
function expectNoFragment(output: string, secret: string): void {
  for (let i = 0; i + 5 <= secret.length; i++) expect(output).not.toContain(secret.slice(i, i + 5));
}

/**
 * The work a call does, counted deterministically rather than timed: characters each regex
 * exec advances over (from lastIndex to the end of its match, or to the end of the input
 * when it finds none) plus the char-code reads and indexOf calls of the hand-written scanners.
 * Backtracking inside one bounded match is not seen; restarts and rescans, the quadratic
 * patterns, are.
 */
function countWork(fn: () => void): number {
  const exec = RegExp.prototype.exec;
  const charCodeAt = String.prototype.charCodeAt;
  const indexOf = String.prototype.indexOf;
  let work = 0;
  RegExp.prototype.exec = function (this: RegExp, input: string) {
    const from = this.global || this.sticky ? this.lastIndex : 0;
    const m = exec.call(this, input);
    work += Math.max(1, (m ? m.index + m[0].length : String(input).length) - from);
    return m;
  };
  String.prototype.charCodeAt = function (this: string, i: number) {
    work++;
    return charCodeAt.call(this, i);
  };
  String.prototype.indexOf = function (this: string, search: string, position?: number) {
    const at = indexOf.call(this, search, position);
    work += Math.max(1, (at === -1 ? this.length : at) - (position ?? 0));
    return at;
  };
  try {
    fn();
  } finally {
    RegExp.prototype.exec = exec;
    String.prototype.charCodeAt = charCodeAt;
    String.prototype.indexOf = indexOf;
  }
  return work;
}

/** Ten times the input costs about ten times the work, not a hundred. */
function expectLinear(small: number, large: number): void {
  expect(small).toBeGreaterThan(0);
  expect(large / small).toBeGreaterThan(8);
  expect(large / small).toBeLessThan(12);
}

describe("maskText", () => {
  it("masks a Korean sentence with a phone and an email", () => {
    const r = maskText("제 번호는 010-1234-5678이고 이메일은 kim@example.co.kr 입니다", DEFAULT_PII_SETTINGS);
    expect(r.text).toBe("제 번호는 [REDACTED:PHONE]이고 이메일은 [REDACTED:EMAIL] 입니다");
    expect(r.masks).toBe(2);
    expect(r.kinds).toEqual(["PHONE", "EMAIL"]);
  });

  it("masks every kind and leaves no fragment of any secret", () => {
    const secrets = {
      EMAIL: "jane.doe@corp-mail.example",
      PHONE: "+82 10-9876-5432",
      CREDIT_CARD: "4242-4242-4242-4242",
      RRN: "880808-2345678",
      API_KEY: "sk-proj-Zq8xW3vT9uR2sP5oN7mL1kJ4hG6fD0sA",
      IP_ADDRESS: "203.0.113.77",
    };
    const text = Object.entries(secrets).map(([k, v]) => `${k.toLowerCase()}: ${v};`).join(" ");
    const r = maskText(text, DEFAULT_PII_SETTINGS);
    for (const [kind, secret] of Object.entries(secrets)) {
      expect(r.text).toContain(`${kind.toLowerCase()}: [REDACTED:${kind}];`);
      expectNoFragment(r.text, secret);
    }
    expect(r.masks).toBe(6);
  });

  it("merges overlapping detections into one redaction without corrupting the text", () => {
    // A 13-digit RRN that is also Luhn-valid with a card issuer digit: one redaction, not two.
    const r = maskText("x 5001011234563 y", DEFAULT_PII_SETTINGS);
    expect(r.text).toBe("x [REDACTED:RRN] y");
    expect(r.masks).toBe(1);
    // A bearer JWT is found twice (header + JWT); the longer claim names it.
    const jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlMTIzNDU2";
    expect(maskText(`Authorization: Bearer ${jwt}`, DEFAULT_PII_SETTINGS).text).toBe("Authorization: Bearer [REDACTED:API_KEY]");
  });

  it("merges a custom match straddling a built-in one so neither leaks", () => {
    const s = piiSettingsSchema.parse({ customPatterns: [{ name: "ticket", pattern: "TICKET-\\d+ for \\w+" }] });
    const r = maskText("TICKET-42 for bob@example.com done", s);
    expect(r.text).toBe("[REDACTED:TICKET] done");
    expectNoFragment(r.text, "bob@example.com");
  });

  it("leaves text untouched when disabled or the detector is off", () => {
    const text = "mail kim@example.com";
    expect(maskText(text, settings({ enabled: false }))).toEqual({ text, masks: 0, kinds: [] });
    const noEmail = settings({ detectors: { ...DEFAULT_PII_SETTINGS.detectors, email: false } });
    expect(maskText(text, noEmail).text).toBe(text);
  });
});

describe("custom patterns", () => {
  it("uses the upper-cased name as the kind and honours flags", () => {
    const s = piiSettingsSchema.parse({
      customPatterns: [
        { name: "Employee id", pattern: "EMP-\\d{5}" },
        { name: "project-code", pattern: "proj_[a-z]+", flags: "i" },
      ],
    });
    const r = maskText("EMP-12345 works on PROJ_Apollo", s);
    expect(r.text).toBe("[REDACTED:EMPLOYEE_ID] works on [REDACTED:PROJECT_CODE]");
    expect(r.kinds).toEqual(["EMPLOYEE_ID", "PROJECT_CODE"]);
  });

  it("skips a stored pattern that would match the empty string instead of looping", () => {
    const s = settings({ customPatterns: [{ name: "bad", pattern: "x*" }] });
    expect(maskText("abc", s).text).toBe("abc");
  });
});

describe("maskPii", () => {
  it("walks nested JSON, masks values not keys, and counts", () => {
    const input = {
      messages: [
        { role: "system", content: "You are helpful." },
        { role: "user", content: [{ type: "text", text: "I'm kim@example.com, card 4111111111111111" }] },
      ],
      "kim@example.com": { ip: "10.1.2.3", ok: true, n: 42, none: null },
    };
    const r = maskPii(input, DEFAULT_PII_SETTINGS);
    expect(r.masks).toBe(3);
    expect(r.kinds.sort()).toEqual(["CREDIT_CARD", "EMAIL", "IP_ADDRESS"]);
    expect(r.value).toEqual({
      messages: [
        { role: "system", content: "You are helpful." },
        { role: "user", content: [{ type: "text", text: "I'm [REDACTED:EMAIL], card [REDACTED:CREDIT_CARD]" }] },
      ],
      "kim@example.com": { ip: "[REDACTED:IP_ADDRESS]", ok: true, n: 42, none: null },
    });
    // Copy-on-write: the caller's object is untouched and clean subtrees are shared.
    expect(JSON.stringify(input)).toContain("I'm kim@example.com, card 4111111111111111");
    const out = r.value as typeof input;
    expect(out.messages[0]).toBe(input.messages[0]);
  });

  it("returns the same reference when nothing is found", () => {
    const input = { a: [1, "two", { three: false }] };
    const r = maskPii(input, DEFAULT_PII_SETTINGS);
    expect(r.value).toBe(input);
    expect(r.masks).toBe(0);
  });

  it("masks card numbers sent as JSON numbers, but not timestamps or ordinary numbers", () => {
    const r = maskPii({ card: 4111111111111111, ts: 1732512000000, price: 3000, big: 1e21 }, DEFAULT_PII_SETTINGS);
    expect(r.value).toEqual({ card: "[REDACTED:CREDIT_CARD]", ts: 1732512000000, price: 3000, big: 1e21 });
  });

  it("handles scalars, empty containers, __proto__ keys, deep nesting and cycles", () => {
    expect(maskPii("kim@example.com", DEFAULT_PII_SETTINGS).value).toBe("[REDACTED:EMAIL]");
    for (const v of [null, undefined, true, 0, [], {}]) expect(maskPii(v, DEFAULT_PII_SETTINGS).value).toEqual(v);

    const proto = maskPii(JSON.parse('{"__proto__": "kim@example.com"}'), DEFAULT_PII_SETTINGS).value as object;
    expect(Object.getOwnPropertyDescriptor(proto, "__proto__")?.value).toBe("[REDACTED:EMAIL]");
    expect(Object.getPrototypeOf(proto)).toBe(Object.prototype);

    let deep: unknown = "ip 8.8.8.8";
    for (let i = 0; i < 100_000; i++) deep = i % 2 ? [deep] : { d: deep };
    const r = maskPii(deep, DEFAULT_PII_SETTINGS);
    expect(r.masks).toBe(1);
    let leaf = r.value;
    while (typeof leaf === "object" && leaf !== null) leaf = Array.isArray(leaf) ? leaf[0] : (leaf as { d: unknown }).d;
    expect(leaf).toBe("ip [REDACTED:IP_ADDRESS]");

    const cyclic: Record<string, unknown> = { mail: "a@b.co" };
    cyclic.self = cyclic;
    expect(maskPii(cyclic, DEFAULT_PII_SETTINGS).masks).toBe(1);
  });

  it("leaves the value untouched when disabled", () => {
    const input = { mail: "kim@example.com" };
    expect(maskPii(input, settings({ enabled: false }))).toEqual({ value: input, masks: 0, kinds: [] });
  });

  it("masks 10k typical chat payloads with stable results, the work growing linearly (no quadratic blow-up)", () => {
    const payload = (i: number) => ({
      model: "gpt-4o",
      messages: [
        { role: "system", content: "You are a support agent for Acme. Answer briefly. ".repeat(8) },
        { role: "user", content: `주문 ${100000 + i} 배송 문의입니다. 연락처 010-1234-${String(i % 10000).padStart(4, "0")}, 메일 user${i}@example.com. ${"Order placed 2024-05-01 for 3,000원, v1.2.3 app. ".repeat(12)}` },
        { role: "assistant", content: "Thanks! Let me check order status at 12:30:45 today. ".repeat(10) },
      ],
      temperature: 0.2,
    });
    const payloads = (n: number) => Array.from({ length: n }, (_, i) => payload(i));
    let masks = 0;
    const small = countWork(() => (masks = maskPii(payloads(1_000), DEFAULT_PII_SETTINGS).masks));
    expect(masks).toBe(2_000);
    const large = countWork(() => (masks = maskPii(payloads(10_000), DEFAULT_PII_SETTINGS).masks));
    expect(masks).toBe(20_000);
    expectLinear(small, large);
  });

  // The inputs a catastrophic scan would choke on; one string of each at n and 10n.
  it.each([
    ["long digit runs", (n: number) => "1".repeat(n)],
    ["'+' followed by long digit runs", (n: number) => `+${"1".repeat(30)} `.repeat(n / 32)],
    ["many short '+' groups", (n: number) => "+12 34 ".repeat(n / 7)],
    ["dotted digits", (n: number) => "1.2.3.".repeat(n / 6)],
    ["colon runs", (n: number) => "1:2:3:4:5:6:7:".repeat(n / 14)],
    ["'@' runs", (n: number) => "a.".repeat(n / 2) + "@"],
    ["'@'-separated words", (n: number) => "ab@".repeat(n / 3)],
    ["JWT-looking prefixes", (n: number) => "eyJ".repeat(n / 3)],
    ["card-like digit groups", (n: number) => "4111 ".repeat(n / 5)],
  ])("scans %s in work linear in the length", (_, make) => {
    const small = countWork(() => maskText(make(10_000), DEFAULT_PII_SETTINGS));
    const large = countWork(() => maskText(make(100_000), DEFAULT_PII_SETTINGS));
    expectLinear(small, large);
  });
});
