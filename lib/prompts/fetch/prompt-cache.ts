import type { ActiveCanary } from "./canary";
import { Lru } from "./lru";

export type PromptType = "text" | "chat";
/** What a prompt's labels point at: the part of a prompt that moves. */
export type PromptHead = {
  promptId: string;
  type: PromptType;
  /** The newest version, or null for a prompt without versions. */
  latest: number | null;
  labels: Map<string, { version: number; canary: ActiveCanary | null }>;
};
/** A version's content: immutable once written. */
export type VersionContent = { template: unknown; config: unknown; contentHash: string };

type HeadEntry = { head: PromptHead; projectGen: number; epoch: number | null; loadedAt: number };
/** The listener's state when a read started: a notification after it would reach us iff `listening`. */
export type ReadTicket = { projectGen: number; epoch: number | null };

/** Heads stay this long while the LISTEN connection holds: a backstop, not the invalidation. */
const LISTENING_MAX_AGE_MS = 5 * 60_000;
/**
 * …and this long without it (connection lost, not yet re-established, or the read began before
 * it was): half the 1 s promise, so a move is visible within 1 s with room for the request itself.
 */
export const UNLISTENED_TTL_MS = 500;
const MAX_HEADS = 10_000;
const MAX_VERSIONS = 2_000;

/**
 * The per-process cache of the fetch API: prompt heads (labels → versions, active canaries,
 * latest) invalidated per project by NOTIFY, and version content kept in a bounded LRU for
 * as long as it is used (versions never change).
 */
export class PromptCache {
  private readonly heads = new Lru<string, HeadEntry>(MAX_HEADS);
  private readonly versions = new Lru<string, VersionContent>(MAX_VERSIONS);
  private readonly projectGens = new Map<string, number>();

  constructor(private readonly connection: () => { listening: boolean; epoch: number }) {}

  /** Drops every head of the project: a label or canary moved. */
  invalidateProject(projectId: string): void {
    this.projectGens.set(projectId, (this.projectGens.get(projectId) ?? 0) + 1);
  }

  /** Taken before reading a head from Postgres, handed back to `setHead`. */
  ticket(projectId: string): ReadTicket {
    const { listening, epoch } = this.connection();
    return { projectGen: this.projectGens.get(projectId) ?? 0, epoch: listening ? epoch : null };
  }

  getHead(projectId: string, name: string, now = Date.now()): PromptHead | undefined {
    const entry = this.heads.get(headKey(projectId, name));
    if (!entry || entry.projectGen !== (this.projectGens.get(projectId) ?? 0)) return undefined;
    const { listening, epoch } = this.connection();
    const covered = entry.epoch !== null && listening && entry.epoch === epoch;
    return now - entry.loadedAt < (covered ? LISTENING_MAX_AGE_MS : UNLISTENED_TTL_MS) ? entry.head : undefined;
  }

  /** Keeps a head read under `ticket`, unless the project was invalidated while it was read. */
  setHead(projectId: string, name: string, head: PromptHead, ticket: ReadTicket, now = Date.now()): void {
    if (ticket.projectGen !== (this.projectGens.get(projectId) ?? 0)) return;
    this.heads.set(headKey(projectId, name), { head, projectGen: ticket.projectGen, epoch: ticket.epoch, loadedAt: now });
  }

  getVersion(projectId: string, promptId: string, version: number): VersionContent | undefined {
    return this.versions.get(versionKey(projectId, promptId, version));
  }

  setVersion(projectId: string, promptId: string, version: number, content: VersionContent): void {
    this.versions.set(versionKey(projectId, promptId, version), content);
  }
}

const headKey = (projectId: string, name: string) => `${projectId}\u0000${name}`;
const versionKey = (projectId: string, promptId: string, version: number) => `${projectId}\u0000${promptId}\u0000${version}`;
