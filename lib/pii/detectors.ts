/**
 * Built-in PII/secret detectors. Each returns the ranges it found; the masker merges
 * overlaps and writes `[REDACTED:<KIND>]`. Every regex here is anchored on a literal or
 * a bounded run so a hostile 1 MB string cannot trigger catastrophic backtracking.
 */
export const DETECTOR_IDS = ["email", "phone", "creditCard", "rrn", "apiKey", "ipAddress"] as const;
export type DetectorId = (typeof DETECTOR_IDS)[number];

export type Range = { start: number; end: number };
export type Detector = { id: DetectorId; kind: string; label: string; find(text: string): readonly Range[] };

const NONE: readonly Range[] = Object.freeze([]);
const HAS_DIGIT = /\d/;

/** Runs a global regex; a rejected candidate restarts one char later because a valid match may start inside it. */
function scan(re: RegExp, text: string, accept?: (m: RegExpExecArray) => Range | null): readonly Range[] {
  let out: Range[] | null = null;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const range = accept ? accept(m) : { start: m.index, end: m.index + m[0].length };
    if (range) (out ??= []).push(range);
    else re.lastIndex = m.index + 1;
  }
  return out ?? NONE;
}

const digitsOf = (s: string) => s.replace(/\D/g, "");
// Char-code tests for the hand-written scanners (NaN past the end is never a match).
const isAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isHex = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
const isWord = (c: number) => isAlnum(c) || c === 95;
const DOT = 46;
const COLON = 58;
const HYPHEN = 45;

// --- email: walk out from each '@' instead of a regex, which is quadratic on long '@'-free runs.
const isLocalChar = (c: number) => isWord(c) || c === DOT || c === HYPHEN || c === 37 || c === 43;
const isDomainChar = (c: number) => isAlnum(c) || c === DOT || c === HYPHEN;
const DOMAIN_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const TLD = /^(?:[A-Za-z]{2,24}|xn--[A-Za-z0-9-]{1,59})$/;

function validDomain(domain: string): boolean {
  const labels = domain.split(".");
  return labels.length >= 2 && labels.every((l) => DOMAIN_LABEL.test(l)) && TLD.test(labels[labels.length - 1] ?? "");
}

function findEmails(text: string): readonly Range[] {
  let out: Range[] | null = null;
  let floor = 0;
  for (let at = text.indexOf("@"); at !== -1; at = text.indexOf("@", at + 1)) {
    let start = at;
    while (start > floor && isLocalChar(text.charCodeAt(start - 1))) start--;
    while (start < at && text.charCodeAt(start) === DOT) start++;
    let end = at + 1;
    while (isDomainChar(text.charCodeAt(end))) end++;
    while (end > at + 1 && (text.charCodeAt(end - 1) === DOT || text.charCodeAt(end - 1) === HYPHEN)) end--;
    if (start < at && validDomain(text.slice(at + 1, end))) {
      (out ??= []).push({ start, end });
      floor = end;
    }
  }
  return out ?? NONE;
}

// --- phones: each alternative needs a phone-like shape (prefix, separators or a fixed length),
// so order ids, years and prices ("12345", "2024", "3,000원") never qualify.
const KR_AREA = String.raw`(?:2|3[1-3]|4[1-4]|5[1-5]|6[1-4]|70|80)`;
const PHONE = new RegExp(
  String.raw`(?<![\w+.-])(?:` +
    [
      String.raw`\+82[-. ]?(?:\(0\)[-. ]?)?0?(?:1[016789]|${KR_AREA})[-. ]?\d{3,4}[-. ]?\d{4}`, // +82 10-1234-5678
      String.raw`01[016789][-. ]?\d{3,4}[-. ]?\d{4}`, // 010-1234-5678, 01012345678
      String.raw`(?:\(0${KR_AREA}\)[-. ]?|0${KR_AREA}[-. ])\d{3,4}[-. ]\d{4}`, // 02-123-4567, (031) 1234-5678
      String.raw`(?:\+?1[-. ]?)?(?:\(\d{3}\)[-. ]?|\d{3}[-. ])\d{3}[-. ]\d{4}`, // (555) 123-4567, 1-555-123-4567
      // Separators are mandatory between groups so a long "+123…" run cannot be split 1000 ways.
      // Later groups up to 6 digits: +49 30 901820, +91 98765 43210 (the digit count still bounds the whole).
      String.raw`\+[1-9]\d{0,2}(?:[-. ]?\(\d{1,4}\))?[-. ]?\d{1,4}(?:[-. ]\d{1,6}){1,5}`, // +44 20 7946 0958
      String.raw`\+[1-9]\d{7,14}`, // +442079460958
    ].join("|") +
    String.raw`)(?!\w|[-.]\d)`,
  "g",
);

function findPhones(text: string): readonly Range[] {
  if (!HAS_DIGIT.test(text)) return NONE;
  return scan(PHONE, text, (m) => {
    const n = digitsOf(m[0]).length;
    return n >= 8 && n <= 15 ? { start: m.index, end: m.index + m[0].length } : null;
  });
}

// --- credit cards: issuer digit 2-6 keeps 13-digit epoch-ms timestamps (leading 1) out.
const CARD = /(?<![\w.-])[2-6]\d{3}(?:[ -]?\d){9,15}(?!\w|[-.]\d)/g;

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = digits.length - 1, double = false; i >= 0; i--, double = !double) {
    let n = digits.charCodeAt(i) - 48;
    if (double && (n *= 2) > 9) n -= 9;
    sum += n;
  }
  return sum % 10 === 0;
}

const isCard = (digits: string) => digits.length >= 13 && digits.length <= 19 && luhnValid(digits) && !/^(\d)\1+$/.test(digits);

/**
 * Printed card numbers are grouped 4-4-4-4 (and 4-4-4-4-1..3 for 17–19 digits), Amex 4-6-5, Diners 4-6-4.
 * A separated number grouped otherwise is something else: a resident registration number (6-7) passes
 * Luhn one time in ten, and an order number 4-4-6 as often.
 */
const CARD_GROUPS = /^(?:\d{4}[ -]\d{4}[ -]\d{4}[ -]\d{4}(?:[ -]\d{1,3})?|\d{4}[ -]\d{6}[ -]\d{4,5})$/;
const groupedLikeCard = (candidate: string) => !/[ -]/.test(candidate) || CARD_GROUPS.test(candidate);

function findCards(text: string): readonly Range[] {
  if (!HAS_DIGIT.test(text)) return NONE;
  return scan(CARD, text, (m) => {
    // "4111 1111 1111 1111 5" fails as a whole; retry without trailing separator groups.
    for (let candidate = m[0]; ; ) {
      if (groupedLikeCard(candidate) && isCard(digitsOf(candidate))) return { start: m.index, end: m.index + candidate.length };
      const cut = Math.max(candidate.lastIndexOf(" "), candidate.lastIndexOf("-"));
      if (cut <= 0) return null;
      candidate = candidate.slice(0, cut);
    }
  });
}

// --- Korean resident/foreigner registration numbers: YYMMDD-GNNNNNN.
const RRN = /(?<![\w.-])(\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])[- ]?([1-8])\d{6}(?!\w|[-.]\d)/g;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A real date, and not a birth after this year: 880123-4… would be born in 2088 (it is an EAN-13 barcode of a Korean product). */
export function rrnDateValid(yy: number, month: number, day: number, genderDigit: number, thisYear = new Date().getUTCFullYear()): boolean {
  const year = (genderDigit === 3 || genderDigit === 4 || genderDigit === 7 || genderDigit === 8 ? 2000 : 1900) + yy;
  if (year > thisYear) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const max = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  return day >= 1 && day <= max;
}

function findRrns(text: string): readonly Range[] {
  if (!HAS_DIGIT.test(text)) return NONE;
  // The check digit is deliberately not verified: numbers issued since Oct 2020 have a random tail.
  return scan(RRN, text, (m) =>
    rrnDateValid(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])) ? { start: m.index, end: m.index + m[0].length } : null,
  );
}

// --- API keys and tokens.
const API_KEY = new RegExp(
  String.raw`(?<![A-Za-z0-9_-])(?:` +
    [
      String.raw`(?:sk|pk)-[A-Za-z0-9_-]{16,}`, // OpenAI sk-/sk-proj-, Anthropic sk-ant-, Pharos sk-/pk-
      String.raw`(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])`,
      String.raw`gh[pousr]_[A-Za-z0-9]{30,}`,
      String.raw`github_pat_[A-Za-z0-9_]{20,}`,
      String.raw`xox[abposr]-[A-Za-z0-9-]{10,}`,
      String.raw`AIza[A-Za-z0-9_-]{30,}`,
      String.raw`eyJ[A-Za-z0-9_-]{6,}\.eyJ[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]*`, // JWT (signature may be empty)
    ].join("|") +
    ")",
  "g",
);
const AUTH_HEADER = /\b(?:bearer|basic)\s+([A-Za-z0-9._~+/-]{20,}=*)/gi;

/**
 * "sk-learn-compatible-wrapper" or "Basic Internationalization-related" is prose, not a key:
 * a real token has a digit or a capital after a lowercase letter (no regex: avoids `.*` backtracking).
 */
function looksRandom(token: string): boolean {
  if (HAS_DIGIT.test(token)) return true;
  const firstLower = token.search(/[a-z]/);
  return firstLower !== -1 && /[A-Z]/.test(token.slice(firstLower));
}

function findApiKeys(text: string): readonly Range[] {
  const keys = scan(API_KEY, text, (m) =>
    !/^[sp]k-/.test(m[0]) || looksRandom(m[0].slice(3)) ? { start: m.index, end: m.index + m[0].length } : null,
  );
  const headers = scan(AUTH_HEADER, text, (m) => {
    const token = m[1] ?? "";
    return looksRandom(token) ? { start: m.index + m[0].length - token.length, end: m.index + m[0].length } : null;
  });
  return headers.length === 0 ? keys : keys.length === 0 ? headers : [...keys, ...headers];
}

// --- IP addresses. "1.2.3.4" is an address even in a version context; "v1.2.3" and "1.2.3.4.5" are not.
const OCTET = String.raw`(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)`;
const IPV4 = new RegExp(String.raw`(?<![\w.])(?:${OCTET}\.){3}${OCTET}(?!\w|\.\d)`, "g");
const IPV4_EXACT = new RegExp(String.raw`^(?:${OCTET}\.){3}${OCTET}$`);
const HEX_GROUP = /^[0-9A-Fa-f]{1,4}$/;

/** Full and "::"-compressed forms; "12:30:45" fails because it has neither 8 groups nor "::". */
export function isIpv6(candidate: string): boolean {
  const halves = candidate.split("::");
  if (halves.length > 2) return false;
  let groups = 0;
  for (const [h, half] of halves.entries()) {
    if (half === "") continue;
    const parts = half.split(":");
    for (const [i, part] of parts.entries()) {
      const last = h === halves.length - 1 && i === parts.length - 1;
      if (last && part.includes(".")) {
        if (!IPV4_EXACT.test(part)) return false;
        groups += 2;
      } else if (HEX_GROUP.test(part)) groups += 1;
      else return false;
    }
  }
  return halves.length === 2 ? groups >= 1 && groups <= 7 : groups === 8;
}

/** Grows a hex/colon/dot run around each ':' (a regex here cost 5x more on ordinary prose). */
function findIpv6(text: string): readonly Range[] {
  let out: Range[] | null = null;
  for (let colon = text.indexOf(":"); colon !== -1; ) {
    let start = colon;
    while (start > 0 && isHex(text.charCodeAt(start - 1))) start--;
    let end = colon + 1;
    let colons = 1;
    let compressed = false;
    for (let c = text.charCodeAt(end); isHex(c) || c === COLON || c === DOT; c = text.charCodeAt(++end)) {
      if (c !== COLON) continue;
      colons++;
      if (text.charCodeAt(end - 1) === COLON) compressed = true;
    }
    const runEnd = end;
    const before = start > 0 ? text.charCodeAt(start - 1) : 32;
    // Times (12:30:45) and MACs have neither "::" nor the 7 colons of a full address.
    if ((compressed || colons >= 7) && !isWord(before) && before !== DOT && !isWord(text.charCodeAt(end))) {
      // Sentence punctuation after an address: "::1." or "fe80::1:" at the end of a clause.
      while (text.charCodeAt(end - 1) === DOT) end--;
      if (text.charCodeAt(end - 1) === COLON && text.charCodeAt(end - 2) !== COLON) end--;
      if (end - start >= 2 && end - start <= 45 && isIpv6(text.slice(start, end))) (out ??= []).push({ start, end });
    }
    colon = text.indexOf(":", runEnd);
  }
  return out ?? NONE;
}

function findIps(text: string): readonly Range[] {
  const v4 = text.includes(".") && HAS_DIGIT.test(text) ? scan(IPV4, text) : NONE;
  const v6 = findIpv6(text);
  return v6.length === 0 ? v4 : v4.length === 0 ? v6 : [...v4, ...v6];
}

/** Order matters only for ties: at equal length the earlier detector names the merged range. */
export const DETECTORS: readonly Detector[] = [
  { id: "email", kind: "EMAIL", label: "Email addresses", find: findEmails },
  { id: "rrn", kind: "RRN", label: "Korean resident registration numbers", find: findRrns },
  { id: "creditCard", kind: "CREDIT_CARD", label: "Credit card numbers (Luhn-checked)", find: findCards },
  { id: "phone", kind: "PHONE", label: "Phone numbers", find: findPhones },
  { id: "apiKey", kind: "API_KEY", label: "API keys and tokens", find: findApiKeys },
  { id: "ipAddress", kind: "IP_ADDRESS", label: "IP addresses", find: findIps },
];
