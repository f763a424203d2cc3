// POST /api/auth/sign-up – create a user with a password (and their own org, or join by invite)
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
    return json(await signUp(body), 201);
  } catch (error) {
    return toResponse(error);
  }
}
