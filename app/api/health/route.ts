// GET /api/health – liveness plus a database round trip (for load balancers and npm start)
import { pingDatabase } from "@/lib/health/ping-database";

export async function GET() {
  if (await pingDatabase()) return Response.json({ ok: true });
  return Response.json({ ok: false, error: { code: "UNAVAILABLE", message: "database unreachable" } }, { status: 503 });
}
