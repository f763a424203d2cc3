import { describe, expect, it } from "vitest";
import { DETECTORS, type DetectorId, isIpv6, luhnValid, rrnDateValid } from "./detectors";

function found(id: DetectorId, text: string): string[] {
  const detector = DETECTORS.find((d) => d.id === id)!;
  return detector.find(text).map((r) => text.slice(r.start, r.end));
}

describe("email", () => {
  it("finds addresses, including inside Korean text", () => {
    expect(found("email", "mail kim.min-su+tag@example.co.kr now")).toEqual(["kim.min-su+tag@example.co.kr"]);
    expect(found("email", "이메일은 kim@example.co.kr입니다")).toEqual(["kim@example.co.kr"]);
    expect(found("email", "a@b.io, c_d@sub.domain.com.")).toEqual(["a@b.io", "c_d@sub.domain.com"]);
  });
  it("ignores near misses", () => {
    expect(found("email", "@mention and user@localhost and x@y.c and @@ and a@-b.com")).toEqual([]);
  });
  it("stays linear on long runs without a domain", () => {
    expect(found("email", `${"a".repeat(200_000)}@`)).toEqual([]);
  });
});

describe("phone", () => {
  it.each([
    ["010-1234-5678"],
    ["01012345678"],
    ["010 1234 5678"],
    ["010.1234.5678"],
    ["011-123-4567"],
    ["+82 10-1234-5678"],
    ["+82-10-1234-5678"],
    ["+821012345678"],
    ["02-123-4567"],
    ["02-1234-5678"],
    ["031-123-4567"],
    ["(02) 1234-5678"],
    ["070-1234-5678"],
    ["(555) 123-4567"],
    ["555-123-4567"],
    ["+1 555 123 4567"],
    ["1-800-555-0199"],
    ["+44 20 7946 0958"],
    ["+442079460958"],
    ["+49 30 901820"],
    ["+91 98765 43210"],
  ])("masks %s", (phone) => {
    expect(found("phone", `call ${phone} please`)).toEqual([phone]);
  });
  it("finds a phone glued to Korean particles", () => {
    expect(found("phone", "제 번호는 010-1234-5678이고요")).toEqual(["010-1234-5678"]);
  });
  it.each([
    ["order 12345"],
    ["in 2024"],
    ["3,000원"],
    ["1,234,567"],
    ["2024-01-15"],
    ["12:30:45"],
    ["order #20240101012345678"],
    ["0212345678"],
    ["v1.2.3"],
    ["+12"],
    ["1234567890"],
    ["123-45-6789"],
  ])("does not mask %s", (text) => {
    expect(found("phone", text)).toEqual([]);
  });
});

describe("credit card", () => {
  it("masks Luhn-valid numbers with or without separators", () => {
    expect(found("creditCard", "card 4111 1111 1111 1111 exp")).toEqual(["4111 1111 1111 1111"]);
    expect(found("creditCard", "5500-0000-0000-0004")).toEqual(["5500-0000-0000-0004"]);
    expect(found("creditCard", "amex 378282246310005.")).toEqual(["378282246310005"]);
    expect(found("creditCard", "카드번호4111111111111111로")).toEqual(["4111111111111111"]);
  });
  it("drops a trailing group that breaks the checksum", () => {
    expect(found("creditCard", "4111 1111 1111 1111 5")).toEqual(["4111 1111 1111 1111"]);
  });
  it("ignores Luhn failures, timestamps and long ids", () => {
    expect(found("creditCard", "4111 1111 1111 1112")).toEqual([]);
    expect(found("creditCard", "ts 1732512000000")).toEqual([]);
    expect(found("creditCard", "id 41111111111111112222333")).toEqual([]);
    expect(found("creditCard", "0000 0000 0000 0000")).toEqual([]);
    // Luhn-valid by chance, but grouped as a resident registration number (6-7) or an order number, not as cards are printed.
    expect(found("creditCard", "주민번호 630417-1234560")).toEqual([]);
    expect(found("creditCard", "order 4111-1111-11111111")).toEqual([]);
    expect(found("creditCard", "amex 3782-822463-10005")).toEqual(["3782-822463-10005"]);
  });
  it("implements Luhn", () => {
    expect(luhnValid("79927398713")).toBe(true);
    expect(luhnValid("79927398710")).toBe(false);
  });
});

describe("Korean resident registration number", () => {
  it("masks valid dates with gender digits 1-8, dash optional", () => {
    expect(found("rrn", "주민번호 900101-1234567 입니다")).toEqual(["900101-1234567"]);
    expect(found("rrn", "0402294123456")).toEqual(["0402294123456"]); // 2004-02-29, leap year
    expect(found("rrn", "외국인 850315-5123456")).toEqual(["850315-5123456"]);
  });
  it("rejects impossible dates and gender digits", () => {
    expect(found("rrn", "901301-1234567")).toEqual([]); // month 13
    expect(found("rrn", "900230-1234567")).toEqual([]); // Feb 30
    expect(found("rrn", "010229-3234567")).toEqual([]); // 2001 is not a leap year
    expect(found("rrn", "900101-9234567")).toEqual([]); // gender 9
    expect(found("rrn", "900101-12345678")).toEqual([]); // too long
  });
  it("checks days per month", () => {
    expect(rrnDateValid(0, 2, 29, 3)).toBe(true);
    expect(rrnDateValid(0, 2, 29, 1)).toBe(false); // 1900 is not a leap year
    expect(rrnDateValid(90, 4, 31, 1)).toBe(false);
    // Born after this year: a barcode (880 = Korea's GS1 prefix), not a person.
    expect(rrnDateValid(88, 1, 23, 4, 2026)).toBe(false);
    expect(rrnDateValid(25, 1, 23, 4, 2026)).toBe(true);
    expect(found("rrn", "SKU 8801234567890 품절")).toEqual([]);
  });
});

describe("API keys", () => {
  it.each([
    ["sk-abcdefghijklmnopqrstuvwxyz0123456789ABCD"],
    ["sk-proj-Ab3dEfGhIjKlMnOpQrStUvWxYz_0123456789"],
    ["sk-ant-api03-AbCdEf0123456789_-xyzXYZ0123456789"],
    ["sk-ph-QWxhZGRpbjpvcGVuIHNlc2FtZQ0123456"],
    ["pk-ph-0123456789abcdef01234567"],
    ["AKIAIOSFODNN7EXAMPLE"],
    ["ASIAY34FZKBOKMUTVV7A"],
    ["ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789"],
    ["github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz"],
    ["xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx"],
    ["AIzaSyA-1234567890abcdefghijklmnopqrstu"],
    ["eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"],
  ])("masks %s", (key) => {
    expect(found("apiKey", `key="${key}" ok`)).toEqual([key]);
  });
  it("masks only the token of an Authorization header", () => {
    expect(found("apiKey", "Authorization: Bearer abc123DEF456ghi789JKL012")).toEqual(["abc123DEF456ghi789JKL012"]);
  });
  it("ignores prose and short look-alikes", () => {
    expect(found("apiKey", "use sk-learn-compatible-wrappers and task-management-systems")).toEqual([]);
    expect(found("apiKey", "sk-short pk-123 AKIA1234 bearer token")).toEqual([]);
    expect(found("apiKey", "the Bearer internationalization-oriented-approach; Basic Internationalization-related")).toEqual([]);
  });
});

describe("IP addresses", () => {
  it("masks IPv4, including version-looking quads", () => {
    expect(found("ipAddress", "from 192.168.0.1, 10.0.0.255 and 1.2.3.4")).toEqual(["192.168.0.1", "10.0.0.255", "1.2.3.4"]);
  });
  it("ignores invalid octets and versions", () => {
    expect(found("ipAddress", "v1.2.3 and 256.1.1.1 and 1.2.3.4.5 and 01.02.03.04 and 2024.01.15")).toEqual([]);
  });
  it("masks IPv6 full and compressed forms", () => {
    const text = "a 2001:0db8:85a3:0000:0000:8a2e:0370:7334 b fe80::1ff:fe23:4567:890a c ::1 d ::ffff:192.168.0.1.";
    expect(found("ipAddress", text)).toEqual(
      expect.arrayContaining(["2001:0db8:85a3:0000:0000:8a2e:0370:7334", "fe80::1ff:fe23:4567:890a", "::1", "::ffff:192.168.0.1"]),
    );
  });
  it("does not take times, MACs or C++ scopes for IPv6", () => {
    expect(found("ipAddress", "at 12:30:45, mac 00:1A:2B:3C:4D:5E, std::vector, a::b::c")).toEqual([]);
    expect(isIpv6("1:2:3:4:5:6:7:8:9")).toBe(false);
    expect(isIpv6("1::2::3")).toBe(false);
  });
});

describe("hostile input", () => {
  // Correctness only; a catastrophic regex would blow the test timeout long before finishing.
  it.each([
    ["long digit runs", "1".repeat(100_000)],
    ["'+' followed by long digit runs", `+${"1".repeat(30)} `.repeat(3_000)],
    ["many short '+' groups", "+12 34 ".repeat(15_000)],
    ["dotted digits", "1.2.3.".repeat(15_000)],
    ["colon runs", "1:2:3:4:5:6:7:".repeat(7_000)],
    ["'@' runs", "a.".repeat(50_000) + "@"],
    ["JWT-looking prefixes", "eyJ".repeat(30_000)],
  ])("scans %s and finds nothing in it", (_, text) => {
    // None of these runs is PII: a finding here is a false positive.
    for (const d of DETECTORS) expect(d.find(text), d.id).toEqual([]);
  });

  it.each([
    ["an email after a long '@'-free run", "a.".repeat(50_000) + "@ write to kim@example.com", "email", ["kim@example.com"]],
    ["a phone after long '+' digit runs", `+${"1".repeat(30)} `.repeat(3_000) + "call 010-1234-5678", "phone", ["010-1234-5678"]],
    ["an address after dotted digits", "1.2.3.".repeat(15_000) + " from 10.0.0.1", "ipAddress", ["10.0.0.1"]],
    ["an IPv6 address after colon runs", "1:2:3:4:5:6:7:".repeat(7_000) + " via fe80::1", "ipAddress", ["fe80::1"]],
  ] as const)("finds exactly %s", (_, text, id, expected) => {
    for (const d of DETECTORS) expect(found(d.id, text), d.id).toEqual(d.id === id ? expected : []);
  });
});
