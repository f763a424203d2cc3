import { requireConnection } from "./connection-rows";

/** One connection of the project, without secrets (404 when not in this project). */
export async function getLlmConnection(options: { projectId: string; connectionId: string }) {
  return requireConnection(options);
}
