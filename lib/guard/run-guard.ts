import "server-only";
import { randomBytes } from "node:crypto";
import type { NormalizedSpan } from "../ingest/types";
import { metrics } from "../observability/metrics";
import { redactRanges } from "../pii/mask-pii";
import type { GuardBody, GuardFinding, GuardMessage, GuardResult } from "../schemas/guard";
import { guardMessages, guardText } from "./apply-policy";
import { resolveGuardPolicy } from "./policy-cache";
import { recordGuardSpan } from "./record-guard-span";
import { registeredSystemPrompts } from "./system-prompts";

const hex = (bytes: number) => randomBytes(bytes).toString("hex");

/**
 * One guard call: resolve the policy (cached), run its detectors on the text or messages, answer
 * the verdict with the masked text, and hand a guardrail span to the recorder without waiting
 * for it (lib/guard/README.md).
 */
export async function runGuard(options: { projectId: string; body: GuardBody }): Promise<GuardResult> {
  const { result, span } = await checkGuard({ ...options, startTime: new Date() });
  metrics().guardCalls.inc({ direction: options.body.direction, verdict: result.verdict });
  recordGuardSpan(options.projectId, span);
  return result;
}

/** The check itself and the guardrail span that records it (the demo seed writes such spans with past times). */
export async function checkGuard(options: { projectId: string; body: GuardBody; startTime: Date }): Promise<{ result: GuardResult; span: NormalizedSpan }> {
  const { projectId, body, startTime } = options;
  const t0 = performance.now();
  const policy = await resolveGuardPolicy(projectId, body.policy);
  const side = policy[body.direction];
  const systemPrompts = side.systemPromptLeak ? await registeredSystemPrompts(projectId, policy) : [];
  const o = { side, systemPrompts, minOverlap: policy.config.systemPrompts.minOverlap };
  const checked = body.text !== undefined ? guardText(body.text, o) : guardMessages(body.messages!, o);
  const latencyMs = +(performance.now() - t0).toFixed(3);
  const result: GuardResult = { verdict: checked.verdict, policy: policy.name, ...("text" in checked ? { text: checked.text } : { messages: checked.messages }), findings: checked.findings, latencyMs };
  return { result, span: guardSpan({ body, policy: policy.name, verdict: checked.verdict, findings: checked.findings, startTime, latencyMs }) };
}

const PII_DETECTORS = new Set(["email", "phone", "creditCard", "rrn", "apiKey", "ipAddress", "customPattern"]);

/**
 * What the span stores of the text: every PII finding redacted whatever the policy did with it
 * (a blocked card number must not land in a trace), the rest as sent so a reviewer sees what
 * was blocked. Ingest masks again with the project's settings.
 */
function storedText(text: string, findings: readonly GuardFinding[]): string {
  return redactRanges(text, findings.filter((f) => PII_DETECTORS.has(f.detector)).map((f) => ({ start: f.start, end: f.end, kind: f.type })));
}

function storedInput(body: GuardBody, findings: readonly GuardFinding[]): unknown {
  if (body.text !== undefined) return storedText(body.text, findings);
  return body.messages!.map((m: GuardMessage, i) => {
    const mine = findings.filter((f) => f.message === i);
    if (!mine.length || m.content === null) return m;
    if (typeof m.content === "string") return { ...m, content: storedText(m.content, mine) };
    return { ...m, content: m.content.map((p, j) => (typeof p.text === "string" ? { ...p, text: storedText(p.text, mine.filter((f) => f.part === j)) } : p)) };
  });
}

type SpanFacts = { body: GuardBody; policy: string; verdict: GuardResult["verdict"]; findings: GuardFinding[]; startTime: Date; latencyMs: number };

/** The guardrail span of a call: in the caller's trace (under its span) when the context says so, else a trace of its own. */
function guardSpan(f: SpanFacts): NormalizedSpan {
  const { body, findings } = f;
  const findingsByType: Record<string, number> = {};
  for (const x of findings) findingsByType[x.type] = (findingsByType[x.type] ?? 0) + 1;
  const blockedBy = [...new Set(findings.filter((x) => x.action === "block").map((x) => x.type))];
  return {
    id: hex(8), traceId: body.context?.traceId ?? hex(16), parentId: body.context?.spanId ?? null,
    kind: "guardrail", name: `guard.${body.direction}`, startTime: f.startTime, endTime: new Date(f.startTime.getTime() + f.latencyMs),
    ttftMs: null, model: null, provider: null,
    input: storedInput(body, findings),
    output: { verdict: f.verdict, findings: findings.map(({ type, action, detector, score, message, part }) => ({ type, action, detector, score, ...(message === undefined ? {} : { message }), ...(part === undefined ? {} : { part }) })) },
    modelParameters: null,
    usage: { inputTokens: null, outputTokens: null, cachedInputTokens: null, reasoningTokens: null, totalTokens: null },
    level: f.verdict === "block" ? "WARNING" : "DEFAULT",
    statusMessage: blockedBy.length ? `blocked: ${blockedBy.join(", ")}` : null,
    userId: body.context?.userId ?? null, sessionId: body.context?.sessionId ?? null, environment: null, release: null,
    promptName: null, promptVersion: null, tags: [],
    metadata: { verdict: f.verdict, policy: f.policy, direction: body.direction, findingsByType, guardLatencyMs: f.latencyMs },
    traceName: null,
  };
}
