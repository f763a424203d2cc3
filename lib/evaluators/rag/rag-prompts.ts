/**
 * The prompts of the RAG evaluators and the strict schemas of their answers (pure). Items are
 * numbered one per line (`[S1] …`, `[P1] …`) so a model can cite them and a test provider can
 * read them back; the first line of the system message names the task.
 */
import { z } from "zod";
import type { ChatMessage } from "../../llm/chat-completion";

const oneLine = (s: string) => s.replace(/\s*\n+\s*/g, " ").trim();
const numbered = (prefix: string, items: readonly string[]) => items.map((t, i) => `[${prefix}${i + 1}] ${oneLine(t)}`).join("\n");
const LANGUAGE = "Write in the language of the text you are given (Korean stays Korean).";

// --- statements --------------------------------------------------------------------------

export const statementsSchema = z.object({
  statements: z.array(z.object({ sentence: z.number().int().min(1), text: z.string().trim().min(1).max(2000) }).strict()).max(200),
}).strict();
export type StatementsAnswer = z.infer<typeof statementsSchema>;
export const STATEMENTS_SHAPE = '{"statements": [{"sentence": <number of the sentence it comes from>, "text": "<one atomic statement>"}]}';

/** Split numbered sentences into atomic, self-contained statements, each citing its sentence. */
export function statementsMessages(question: string, sentences: readonly string[]): ChatMessage[] {
  return [
    {
      role: "system",
      content: `Pharos RAG evaluator. task: statements\nBreak each sentence of the text into atomic statements: each one fact, understandable on its own (replace pronouns by what they refer to). Skip greetings and sentences that state nothing. ${LANGUAGE}\nAnswer with only this JSON object, nothing else: ${STATEMENTS_SHAPE}`,
    },
    { role: "user", content: `Question: ${oneLine(question)}\nSentences:\n${numbered("S", sentences)}` },
  ];
}

export const checkStatements = (count: number) => (a: StatementsAnswer) => {
  const bad = a.statements.find((s) => s.sentence > count);
  return bad ? `statements: sentence ${bad.sentence} does not exist (there are ${count})` : null;
};

// --- verdicts ----------------------------------------------------------------------------

/**
 * support: is the statement supported by the passages (context faithfulness, context recall)?
 * useful: was the passage useful to reach the expected answer (context precision)?
 * addresses: does the statement help answer the question (conciseness)?
 */
export type VerdictKind = "support" | "useful" | "addresses";

export const verdictsSchema = z.object({
  verdicts: z.array(z.object({ id: z.number().int().min(1), verdict: z.enum(["yes", "no"]), reason: z.string().trim().min(1, "must give a reason").max(2000) }).strict()),
}).strict();
export type VerdictsAnswer = z.infer<typeof verdictsSchema>;
export const VERDICTS_SHAPE = '{"verdicts": [{"id": <item number>, "verdict": "yes" | "no", "reason": "<one short sentence>"}]}';

const QUESTIONS: Record<VerdictKind, string> = {
  support: "For each statement [S#], decide whether the passages [P#] support it: yes only when it can be directly inferred from them, no when it is contradicted or not stated there (what you know yourself does not count).",
  useful: "For each passage [P#], decide whether it was useful to arrive at the expected answer to the question: yes when it contains information the expected answer uses, no otherwise.",
  addresses: "For each statement [S#], decide whether it helps answer the question: yes when it gives information the question asks for, no when it is filler, repetition, a pleasantry or off the question.",
};

/** The numbered items to judge and what they are judged against. */
export function verdictMessages(kind: VerdictKind, items: readonly string[], against: { question?: string; expected?: string; passages?: readonly string[] }): ChatMessage[] {
  const parts: string[] = [];
  if (against.question !== undefined) parts.push(`Question: ${oneLine(against.question)}`);
  if (against.expected !== undefined) parts.push(`Expected answer: ${oneLine(against.expected)}`);
  if (kind === "useful") parts.push(`Passages:\n${numbered("P", items)}`);
  else {
    if (against.passages) parts.push(`Passages:\n${numbered("P", against.passages)}`);
    parts.push(`Statements:\n${numbered("S", items)}`);
  }
  return [
    { role: "system", content: `Pharos RAG evaluator. task: ${kind}\n${QUESTIONS[kind]} Give one verdict per item, with its number as id. ${LANGUAGE}\nAnswer with only this JSON object, nothing else: ${VERDICTS_SHAPE}` },
    { role: "user", content: parts.join("\n") },
  ];
}

/** Exactly one verdict per item 1..count. */
export const checkVerdicts = (count: number) => (a: VerdictsAnswer) => {
  const seen = new Set<number>();
  for (const v of a.verdicts) {
    if (v.id > count) return `verdicts: item ${v.id} does not exist (there are ${count})`;
    if (seen.has(v.id)) return `verdicts: item ${v.id} has two verdicts`;
    seen.add(v.id);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seen.has(i));
  return missing.length ? `verdicts: no verdict for item${missing.length > 1 ? "s" : ""} ${missing.join(", ")}` : null;
};

// --- generated questions (answer relevancy) ---------------------------------------------

export const questionsSchema = z.object({
  questions: z.array(z.string().trim().min(1).max(2000)).min(1),
  noncommittal: z.boolean(),
}).strict();
export type QuestionsAnswer = z.infer<typeof questionsSchema>;
export const QUESTIONS_SHAPE = '{"questions": ["<question>", …], "noncommittal": true | false}';

export function questionsMessages(answer: string, k: number): ChatMessage[] {
  return [
    {
      role: "system",
      content: `Pharos RAG evaluator. task: questions\nWrite ${k} different questions that the answer below answers, as a user would ask them. Set noncommittal to true when the answer evades, is vague or says it does not know ("I don't know", "it depends", "I cannot say"). ${LANGUAGE}\nAnswer with only this JSON object, nothing else: ${QUESTIONS_SHAPE}`,
    },
    { role: "user", content: `Answer: ${oneLine(answer)}` },
  ];
}

export const checkQuestions = (k: number) => (a: QuestionsAnswer) => (a.questions.length !== k ? `questions: expected ${k}, got ${a.questions.length}` : null);
