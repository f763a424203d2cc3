import { json } from "@/lib/http";
import { publicApiDocument } from "@/lib/openapi/public-api-document";

// GET /api/public/openapi.json – the OpenAPI 3.1 document of the public API; no key needed (it describes the API, holds no project data)
export function GET() {
  return json(publicApiDocument(), 200, { "cache-control": "public, max-age=300" });
}
