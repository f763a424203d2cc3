import { withApiKey } from "@/lib/auth/with-api-key";
import { evaluateRagTriple } from "@/lib/evaluators/rag/evaluate-rag-triple";
import { json } from "@/lib/http";
import { ragEvaluationBody } from "@/lib/schemas/rag-evaluations";

// POST /api/public/rag-evaluations – faithfulness, answer relevancy, context precision/recall and conciseness on one { question, contexts, answer } → { results, passed, usage }
export const POST = withApiKey({ scope: "secret", body: ragEvaluationBody }, async ({ key, body, req }) =>
  json(await evaluateRagTriple({ projectId: key.projectId, body, signal: req.signal })),
);
