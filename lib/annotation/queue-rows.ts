import type { Prisma } from "../generated/prisma/client";
import { db } from "../db";
import { AppError } from "../errors";
import { effectiveRole, type Role } from "../auth/permissions";
import type { ScoreDefinition } from "../schemas/annotation";

type Tx = Prisma.TransactionClient;
export type Criterion = { name: string; description?: string };

const queueSelect = {
  id: true, name: true, kind: true, scoreDefinitions: true, instructions: true, judgmentsPerPair: true, criteria: true, rationale: true, leaseSeconds: true, createdAt: true,
  members: { select: { userId: true } },
} as const;

export type QueueRow = { id: string; name: string; kind: "pairs" | "items"; scoreDefinitions: ScoreDefinition[]; instructions: string; judgmentsPerPair: number; criteria: Criterion[]; rationale: "optional" | "required"; leaseSeconds: number; createdAt: Date; annotatorIds: string[] };

function toQueue(row: Prisma.AnnotationQueueGetPayload<{ select: typeof queueSelect }>): QueueRow {
  const { members, criteria, rationale, kind, scoreDefinitions, ...rest } = row;
  return { ...rest, kind: kind === "items" ? "items" : "pairs", scoreDefinitions: (scoreDefinitions as ScoreDefinition[]) ?? [], criteria: (criteria as Criterion[]) ?? [], rationale: rationale === "required" ? "required" : "optional", annotatorIds: members.map((m) => m.userId) };
}

/** The queue in this project, or NOT_FOUND (other projects' queue ids reveal nothing). */
export async function requireQueue(options: { projectId: string; queueId: string; tx?: Tx }): Promise<QueueRow> {
  const row = await (options.tx ?? db).annotationQueue.findUnique({ where: { projectId_id: { projectId: options.projectId, id: options.queueId } }, select: queueSelect });
  if (!row) throw new AppError("NOT_FOUND", "Annotation queue not found");
  return toQueue(row);
}

export async function listQueueRows(options: { projectId: string; memberId?: string }): Promise<QueueRow[]> {
  const rows = await db.annotationQueue.findMany({
    where: { projectId: options.projectId, ...(options.memberId ? { members: { some: { userId: options.memberId } } } : {}) },
    orderBy: { createdAt: "desc" },
    select: queueSelect,
  });
  return rows.map(toQueue);
}

/**
 * Project members by email (org members of the project's org), with their effective role; an
 * email that is not a member answers 400 naming it.
 */
export async function resolveMembers(options: { projectId: string; emails: string[]; field: string }): Promise<Map<string, { id: string; role: Role }>> {
  const emails = [...new Set(options.emails.map((e) => e.toLowerCase()))];
  if (!emails.length) return new Map();
  const project = await db.project.findUniqueOrThrow({ where: { id: options.projectId }, select: { orgId: true } });
  const users = await db.user.findMany({
    where: { email: { in: emails, mode: "insensitive" }, memberships: { some: { orgId: project.orgId } } },
    select: { id: true, email: true, memberships: { where: { orgId: project.orgId }, select: { role: true } }, projectMemberships: { where: { projectId: options.projectId }, select: { role: true } } },
  });
  const out = new Map(users.map((u) => [u.email.toLowerCase(), { id: u.id, role: effectiveRole(u.memberships[0]!.role, u.projectMemberships[0]?.role) }]));
  const missing = options.emails.findIndex((e) => !out.has(e.toLowerCase()));
  if (missing >= 0) throw new AppError("INVALID", `${options.field}.${missing}: ${options.emails[missing]} is not a member of this project`);
  return out;
}

/** Emails of users by id (for stats and adjudication views). */
export async function emailsById(ids: string[]): Promise<Map<string, string>> {
  const users = await db.user.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, email: true } });
  return new Map(users.map((u) => [u.id, u.email]));
}
