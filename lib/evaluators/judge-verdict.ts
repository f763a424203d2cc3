import { z } from "zod";
import { asText } from "./text";

/** Pure parts of the LLM judge: the prompt it is sent and the strict parse of its answer. */

export const JUDGE_SCALES = ["1-5", "pass_fail"] as const;
export type JudgeScale = (typeof JUDGE_SCALES)[number];

const reasoning = z.string().trim().min(1, "must explain the verdict").max(4000);
export const verdictSchemas = {
  "1-5": z.object({ score: z.number().int().min(1).max(5), reasoning }).strict(),
  pass_fail: z.object({ verdict: z.enum(["pass", "fail"]), reasoning }).strict(),
} as const;

export type JudgeVerdict = { score: number; reasoning: string };

const ANSWER_SHAPE: Record<JudgeScale, string> = {
  "1-5": '{"score": <integer 1 to 5, 5 best>, "reasoning": "<one short paragraph>"}',
  pass_fail: '{"verdict": "pass" | "fail", "reasoning": "<one short paragraph>"}',
};

/** {{input}}, {{output}} and {{expected}} in the rubric, filled with the item's values (no other template syntax). */
export function renderRubric(rubric: string, c: { input: unknown; output: unknown; expectedOutput?: unknown }): string {
  const values: Record<string, string> = { input: asText(c.input), output: asText(c.output), expected: asText(c.expectedOutput) };
  return rubric.replace(/\{\{\s*(input|output|expected)\s*\}\}/g, (_m, name: string) => values[name]!);
}

export function judgeMessages(rubric: string, scale: JudgeScale, c: { input: unknown; output: unknown; expectedOutput?: unknown }) {
  return [
    { role: "system" as const, content: `You are an evaluator. Judge the response by the rubric. Answer with only this JSON object, nothing else: ${ANSWER_SHAPE[scale]}` },
    { role: "user" as const, content: renderRubric(rubric, c) },
  ];
}

export function correctionMessage(scale: JudgeScale, problem: string) {
  return { role: "user" as const, content: `That answer could not be used (${problem}). Answer again with only this JSON object: ${ANSWER_SHAPE[scale]}` };
}

/**
 * The verdict in a judge's answer, or why there is none. Strict: the answer must be exactly the
 * JSON object (a ```json fence around the whole of it is tolerated, nothing else). pass → 1, fail → 0.
 */
export function parseVerdict(content: string, scale: JudgeScale): { ok: true; verdict: JudgeVerdict } | { ok: false; problem: string } {
  const fenced = /^```(?:json)?\s*([\s\S]*?)\s*```$/.exec(content.trim());
  let value: unknown;
  try {
    value = JSON.parse(fenced ? fenced[1]! : content.trim());
  } catch (error) {
    return { ok: false, problem: `not JSON: ${(error as Error).message}` };
  }
  const parsed = verdictSchemas[scale].safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, problem: `${issue.path.join(".") || "answer"}: ${issue.message}` };
  }
  const data = parsed.data as { score?: number; verdict?: "pass" | "fail"; reasoning: string };
  return { ok: true, verdict: { score: data.score ?? (data.verdict === "pass" ? 1 : 0), reasoning: data.reasoning } };
}
