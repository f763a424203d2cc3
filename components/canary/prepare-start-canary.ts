import type { PromptLabelRow } from "@/lib/queries/prompts/keys";
import { type CanaryGuard, startCanaryBody } from "@/lib/schemas/prompts";

/** The start dialog's fields as typed (strings), so an empty box means "not set". */
export type StartCanaryForm = {
  label: string; version: string; percent: string;
  guard: boolean; minCalls: string; errorRatePValue: string; thumbsDownPoints: string; minVotes: string; latencyP95Ratio: string;
};

export const DEFAULT_START_FORM: StartCanaryForm = {
  label: "", version: "", percent: "10", guard: true, minCalls: "200", errorRatePValue: "0.01", thumbsDownPoints: "", minVotes: "30", latencyP95Ratio: "",
};

export type StartCanaryBody = { label: string; version: number; percent: number; guard?: CanaryGuard };

/** Labels a canary can start on: stored ones with a version and no active canary (latest is virtual). */
export function canaryLabels(labels: readonly PromptLabelRow[]): { label: string; version: number; disabled: string | null }[] {
  return labels.filter((l) => !l.virtual).map((l) => ({ label: l.label, version: l.version, disabled: l.canary ? `already has a canary (v${l.canary.version})` : null }));
}

const num = (v: string) => (v.trim() === "" ? undefined : Number(v));

/**
 * Form → request body through the same zod schema the server uses, so the dialog names a bad
 * field before the round trip, with the server's words. Errors are keyed by form field.
 */
export function buildStartCanaryBody(form: StartCanaryForm): { body: StartCanaryBody } | { errors: Record<string, string> } {
  const guard = form.guard
    ? Object.fromEntries(
        Object.entries({ minCalls: num(form.minCalls), errorRatePValue: num(form.errorRatePValue), thumbsDownPoints: num(form.thumbsDownPoints), minVotes: num(form.minVotes), latencyP95Ratio: num(form.latencyP95Ratio) })
          .filter(([, v]) => v !== undefined),
      )
    : undefined;
  const parsed = startCanaryBody.safeParse({ label: form.label, version: num(form.version) ?? 0, percent: num(form.percent) ?? 0, guard });
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const key = String(issue.path.at(-1) ?? "form");
      errors[key] ??= key === "version" && form.version === "" ? "pick a version" : issue.message;
    }
    return { errors };
  }
  if (guard && Object.keys(guard).every((k) => k === "minCalls" || k === "minVotes")) return { errors: { guard: "set at least one threshold, or turn the guard off" } };
  return { body: parsed.data };
}
