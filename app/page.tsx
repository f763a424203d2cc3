import { redirect } from "next/navigation";
import { requireCurrentUser } from "@/lib/auth/current-user";
import { listOrgsForUser } from "@/lib/orgs/list-orgs-for-user";

// Home: the user's first project, or the page to create one.
export default async function Home() {
  const user = await requireCurrentUser();
  const orgs = await listOrgsForUser({ userId: user.id });
  const first = orgs.flatMap((o) => o.projects)[0];
  redirect(first ? `/project/${first.id}` : "/new-project");
}
