// POST /api/auth/sign-up – create a password account (202: the same answer whether or not the email has one)
import { clientIp } from "@/lib/auth/auth-limits";
import { assertSameOrigin } from "@/lib/auth/same-origin";
import { toResponse } from "@/lib/errors";
import { json, readJsonBody } from "@/lib/http";
import { signUpBody } from "@/lib/schemas/auth";
import { signUp } from "@/lib/users/sign-up";

export async function POST(req: Request) {
  try {
    // A cross-site sign-up would sign the visitor in to an account the attacker controls (login CSRF).
    assertSameOrigin(req);
    const body = await readJsonBody(req, signUpBody, { jsonOnly: true });
    return json(await signUp({ ...body, ip: clientIp(req.headers) }), 202);
  } catch (error) {
    return toResponse(error);
  }
}
