import { createHash } from "node:crypto";

export type ActiveCanary = { id: string; version: number; percent: number };

/**
 * The bucket in [0, 100) of a sticky key for one canary: the first 48 bits of
 * sha256(prompt, label, canary id, key). The canary id is in the hash so a new canary on the
 * same label draws a fresh sample instead of always picking the same users.
 */
export function canaryBucket(options: { name: string; label: string; canaryId: string; stickyKey: string }): number {
  const { name, label, canaryId, stickyKey } = options;
  const digest = createHash("sha256").update(`${name}\u0000${label}\u0000${canaryId}\u0000${stickyKey}`).digest();
  return (digest.readUIntBE(0, 6) / 2 ** 48) * 100;
}

/** Whether this call gets the canary version: by the key's bucket, or at random without a key. */
export function choosesCanary(options: { name: string; label: string; canary: ActiveCanary; stickyKey?: string; random?: () => number }): boolean {
  const { canary, stickyKey } = options;
  const bucket = stickyKey === undefined || stickyKey === ""
    ? (options.random ?? Math.random)() * 100
    : canaryBucket({ name: options.name, label: options.label, canaryId: canary.id, stickyKey });
  return bucket < canary.percent;
}
