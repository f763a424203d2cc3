// POST /api/auth/sign-up – create a user with a password (and their own org, or join by invite)
import { toResponse } from "@/lib/errors";
import { json, readJsonBody } from "@/lib/http";
import { signUpBody } from "@/lib/schemas/auth";
import { signUp } from "@/lib/users/sign-up";

export async function POST(req: Request) {
  try {
    const body = await readJsonBody(req, signUpBody);
    return json(await signUp(body), 201);
  } catch (error) {
    return toResponse(error);
  }
}
