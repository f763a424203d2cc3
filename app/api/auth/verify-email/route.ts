// POST /api/auth/verify-email – use a mailed verification link (the page posts it, so mail scanners that only GET cannot spend it)
import { assertSameOrigin } from "@/lib/auth/same-origin";
import { toResponse } from "@/lib/errors";
import { json, readJsonBody } from "@/lib/http";
import { verifyEmailBody } from "@/lib/schemas/auth";
import { verifyEmail } from "@/lib/users/verify-email";

export async function POST(req: Request) {
  try {
    assertSameOrigin(req);
    const body = await readJsonBody(req, verifyEmailBody, { jsonOnly: true });
    return json(await verifyEmail(body));
  } catch (error) {
    return toResponse(error);
  }
}
