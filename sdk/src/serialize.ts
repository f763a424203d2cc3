import type { EventType, QueuedEvent } from "./types.js";

const encoder = new TextEncoder();

// Errors would otherwise become "{}" and BigInts would throw.
function plainReplacer(_key: string, value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Error) return { name: value.name, message: value.message };
  return value;
}

function cycleSafeReplacer() {
  const ancestors: object[] = [];
  return function (this: unknown, key: string, value: unknown): unknown {
    const plain = plainReplacer(key, value);
    if (typeof plain !== "object" || plain === null) return plain;
    // `this` is the object holding `key`: unwind the stack to it before checking for a cycle.
    while (ancestors.length > 0 && ancestors[ancestors.length - 1] !== this) ancestors.pop();
    if (ancestors.includes(plain)) return "[Circular]";
    ancestors.push(plain);
    return plain;
  };
}

/** Drops undefined fields so the wire carries only what the caller set. */
function compact(body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) if (v !== undefined) out[k] = v;
  return out;
}

/**
 * One batch-API envelope as a JSON string. Returns a `problem` when the body needed the
 * cycle-safe fallback, so the caller can report it while still sending the event.
 */
export function serializeEvent(id: string, type: EventType, body: Record<string, unknown>, timestamp = new Date()): { event: QueuedEvent; problem?: string } {
  const envelope = { id, type, timestamp: timestamp.toISOString(), body: compact(body) };
  let json: string;
  let problem: string | undefined;
  try {
    json = JSON.stringify(envelope, plainReplacer);
  } catch (error) {
    json = JSON.stringify(envelope, cycleSafeReplacer());
    problem = `${type} ${String(body.id ?? id)} has a value that is not JSON (${error instanceof Error ? error.message : String(error)}); sent with it replaced`;
  }
  return { event: { id, json, bytes: encoder.encode(json).byteLength }, problem };
}

export function batchBody(events: readonly QueuedEvent[]): string {
  return `{"batch":[${events.map((e) => e.json).join(",")}]}`;
}
