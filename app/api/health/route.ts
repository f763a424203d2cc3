// GET /api/health – liveness plus a database round trip (for load balancers and npm start)
import { db } from "@/lib/db";

export async function GET() {
  try {
    await db.$queryRaw`select 1`;
    return Response.json({ ok: true });
  } catch {
    return Response.json({ ok: false, error: { code: "UNAVAILABLE", message: "database unreachable" } }, { status: 503 });
  }
}
