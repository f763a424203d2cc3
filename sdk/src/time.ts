export type TimeInput = Date | string | number;

/** ISO string for the wire; the server accepts ISO-8601 with offset or epoch ms. */
export function toIso(value: TimeInput | undefined | null, fallback?: Date): string | undefined {
  if (value === undefined || value === null) return fallback?.toISOString();
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? fallback?.toISOString() : date.toISOString();
}

type Unrefable = { unref?: () => void; ref?: () => void };

/** setTimeout that never keeps a Node process alive (no-op in browsers). */
export function unrefTimeout(fn: () => void, ms: number): ReturnType<typeof setTimeout> {
  const timer = setTimeout(fn, ms);
  (timer as unknown as Unrefable).unref?.();
  return timer;
}

/**
 * A sleep that can be switched to keep the process alive: background retries must not hold
 * a process open, but a retry someone is awaiting through flush() must not be cut short.
 */
export class Sleeper {
  private timers = new Set<Unrefable>();
  private holds = 0;

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer as unknown as Unrefable);
        resolve();
      }, ms) as unknown as Unrefable;
      if (this.holds === 0) timer.unref?.();
      this.timers.add(timer);
    });
  }

  /** Keep pending and future sleeps ref'd until the returned release is called. */
  hold(): () => void {
    this.holds++;
    for (const t of this.timers) t.ref?.();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holds--;
      if (this.holds === 0) for (const t of this.timers) t.unref?.();
    };
  }
}
