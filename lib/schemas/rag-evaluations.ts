import { z } from "zod";
import { contextsSchema } from "./datasets";

const text = (max: number) => z.string().max(max, `at most ${max} characters`);

/**
 * POST /api/public/rag-evaluations: the RAG evaluators on one `{ question, contexts, answer }`
 * triple (and an expected answer for context precision and recall), for CI checks outside runs.
 * `evaluators` as runs take them (`{ type, ...params }`); omitted: faithfulness, answer_relevancy
 * and conciseness, plus context_precision and context_recall when `expectedAnswer` is given.
 */
export const ragEvaluationBody = z
  .object({
    question: text(50_000).min(1, "required"),
    answer: text(100_000),
    contexts: contextsSchema,
    expectedAnswer: text(100_000).optional(),
    evaluators: z.array(z.object({ type: z.enum(["faithfulness", "answer_relevancy", "context_precision", "context_recall", "conciseness"], { error: "must be faithfulness, answer_relevancy, context_precision, context_recall or conciseness" }) }).passthrough()).min(1).max(10).optional(),
    /** The LLM connection by name; optional when the project has exactly one. */
    connection: z.string().trim().min(1).max(200).optional(),
    /** Defaults to the connection's first model. */
    model: z.string().trim().min(1).max(256).optional(),
  })
  .strict();
export type RagEvaluationBody = z.infer<typeof ragEvaluationBody>;
