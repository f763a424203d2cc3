// POST /api/public/otel/v1/traces – OTLP/HTTP trace export (protobuf or JSON, optionally gzipped)
import { withApiKey } from "@/lib/auth/with-api-key";
import { AppError } from "@/lib/errors";
import { admitIngest } from "@/lib/ingest/admission";
import { ingestOtlp } from "@/lib/ingest/otlp/ingest-otlp";
import { takeRateLimitToken } from "@/lib/ingest/rate-limit";
import { readBody } from "@/lib/ingest/read-body";

export const POST = admitIngest(withApiKey({ scope: "secret" }, async ({ req, key }) => {
  takeRateLimitToken(key);
  const type = (req.headers.get("content-type") ?? "").toLowerCase();
  const format = type.includes("json") ? "json" : type.includes("protobuf") ? "protobuf" : null;
  if (!format) throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Content-Type must be application/x-protobuf or application/json");
  const response = await ingestOtlp(key.projectId, await readBody(req), format);
  return new Response(response.body as BodyInit, { status: 200, headers: { "content-type": response.contentType } });
}));
