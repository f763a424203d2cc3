import { withUser } from "@/lib/auth/with-user";
import { json } from "@/lib/http";
import { createOrg } from "@/lib/orgs/create-org";
import { listOrgsForUser } from "@/lib/orgs/list-orgs-for-user";
import { createOrgBody } from "@/lib/schemas/projects";

// GET /api/orgs – the user's orgs with their projects and roles (for the switcher)
export const GET = withUser({}, async ({ user }) => json({ orgs: await listOrgsForUser({ userId: user.id }) }));

// POST /api/orgs – create an org owned by the user
export const POST = withUser({ body: createOrgBody }, async ({ user, body }) => json(await createOrg({ userId: user.id, name: body.name }), 201));
