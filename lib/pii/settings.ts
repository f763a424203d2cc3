import { z } from "zod";
import { DETECTORS, type Detector, type DetectorId } from "./detectors";

export const MAX_CUSTOM_PATTERNS = 20;
export const MAX_PATTERN_LENGTH = 500;

/** Custom pattern names become the redaction KIND: "Employee id" → EMPLOYEE_ID. */
export function kindFromName(name: string): string {
  return name
    .toUpperCase()
    .replace(/[^A-Z0-9_]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 40);
}

// Probes for "can this match nothing?": a pattern that matches "" would emit a redaction
// between every character, so it is rejected on save. Probing is a heuristic (a lookahead for
// a rare word slips through), so the masker also skips empty matches at run time.
const PRINTABLE_ASCII = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join("");
const EMPTY_MATCH_PROBES = ["", "a", "0", "\n", `${PRINTABLE_ASCII}\n가나다 ${PRINTABLE_ASCII}`];

/** Why a custom pattern is unusable, or null if it is fine. */
export function customPatternProblem(pattern: string, flags = ""): string | null {
  let re: RegExp;
  try {
    re = new RegExp(pattern, `${flags}g`);
  } catch (err) {
    return `Pattern does not compile: ${err instanceof Error ? err.message : String(err)}`;
  }
  for (const probe of EMPTY_MATCH_PROBES) {
    re.lastIndex = 0;
    for (let m = re.exec(probe); m; m = re.exec(probe)) {
      if (m[0] === "") return "Pattern can match the empty string";
    }
  }
  return null;
}

const customPatternSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1)
      .max(40)
      .refine((n) => kindFromName(n) !== "", "Name needs at least one letter or digit"),
    pattern: z.string().min(1).max(MAX_PATTERN_LENGTH),
    // g/y/d are ours to decide: the masker always scans globally.
    flags: z
      .string()
      .regex(/^[imsuv]*$/, "Allowed flags: i, m, s, u, v")
      .optional(),
  })
  .superRefine((p, ctx) => {
    const problem = customPatternProblem(p.pattern, p.flags);
    if (problem) ctx.addIssue({ code: "custom", path: ["pattern"], message: problem });
  });

const on = () => z.boolean().default(true);
const detectorsSchema = z.object({
  email: on(),
  phone: on(),
  creditCard: on(),
  rrn: on(),
  apiKey: on(),
  ipAddress: on(),
} satisfies Record<DetectorId, z.ZodType>);

const ALL_ON = { email: true, phone: true, creditCard: true, rrn: true, apiKey: true, ipAddress: true } satisfies Record<
  DetectorId,
  boolean
>;

/** Missing fields default to "on", so settings saved before a detector existed still protect. */
export const piiSettingsSchema = z.object({
  enabled: z.boolean().default(true),
  detectors: detectorsSchema.default(() => ({ ...ALL_ON })),
  customPatterns: z.array(customPatternSchema).max(MAX_CUSTOM_PATTERNS).default(() => []),
});

export type PiiSettings = z.output<typeof piiSettingsSchema>;
export type CustomPattern = PiiSettings["customPatterns"][number];

export const DEFAULT_PII_SETTINGS: PiiSettings = Object.freeze({
  enabled: true,
  detectors: Object.freeze({ ...ALL_ON }),
  customPatterns: Object.freeze([]) as unknown as CustomPattern[],
});

export type CompiledPattern = { kind: string; re: RegExp };
export type CompiledPiiSettings = {
  enabled: boolean;
  detectors: readonly Detector[];
  /** Numbers are only checked for card numbers, so the walker needs to know if that is on. */
  creditCard: Detector | null;
  custom: readonly CompiledPattern[];
};

const cache = new WeakMap<PiiSettings, CompiledPiiSettings>();

/**
 * Compiled once per settings object (callers keep the parsed settings per project). Invalid
 * custom patterns that slipped past validation (e.g. older rows) are skipped, never thrown.
 */
export function compilePiiSettings(settings: PiiSettings): CompiledPiiSettings {
  const hit = cache.get(settings);
  if (hit) return hit;
  const detectors = settings.enabled ? DETECTORS.filter((d) => settings.detectors[d.id] !== false) : [];
  const custom: CompiledPattern[] = [];
  for (const p of settings.enabled ? settings.customPatterns.slice(0, MAX_CUSTOM_PATTERNS) : []) {
    const kind = kindFromName(p.name);
    if (!kind || p.pattern.length > MAX_PATTERN_LENGTH || customPatternProblem(p.pattern, p.flags)) continue;
    custom.push({ kind, re: new RegExp(p.pattern, `${p.flags ?? ""}g`) });
  }
  const compiled: CompiledPiiSettings = {
    enabled: settings.enabled && (detectors.length > 0 || custom.length > 0),
    detectors,
    creditCard: detectors.find((d) => d.id === "creditCard") ?? null,
    custom,
  };
  cache.set(settings, compiled);
  return compiled;
}
