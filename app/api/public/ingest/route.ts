// POST /api/public/ingest – a batch of trace/span/generation/event/score events; 207 with one result per event
import { withApiKey } from "@/lib/auth/with-api-key";
import { json, validate } from "@/lib/http";
import { rejectMismatchedEmbeddings } from "@/lib/embeddings/reject-mismatched";
import { admitIngest } from "@/lib/ingest/admission";
import { ingest } from "@/lib/ingest/ingest";
import { parseBatch } from "@/lib/ingest/parse-batch";
import { takeRateLimitToken } from "@/lib/ingest/rate-limit";
import { parseJson, readBody } from "@/lib/ingest/read-body";
import { ingestBatchSchema } from "@/lib/schemas/ingest";
import { toWellFormedDeep } from "@/lib/text/well-formed";

export const POST = admitIngest(withApiKey({ scope: "secret" }, async ({ req, key }) => {
  takeRateLimitToken(key);
  const body = validate(ingestBatchSchema, toWellFormedDeep(parseJson(await readBody(req))), "body");
  const parsed = parseBatch(body.batch);
  await rejectMismatchedEmbeddings(key.projectId, parsed);
  await ingest(key.projectId, parsed);
  return json({ results: parsed.results }, 207);
}));
