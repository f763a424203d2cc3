import { randomBytes } from "node:crypto";

let lastMs = 0;
let seq = 0;

/**
 * A UUIDv7-shaped item id that sorts in creation order, even within one millisecond of
 * one process: items imported in one transaction share their validFrom, and the list
 * keeps file order by sorting on this id next.
 */
export function newItemId(now = Date.now()): string {
  if (now <= lastMs) {
    seq++;
    if (seq > 0xfff) {
      lastMs++;
      seq = 0;
    }
  } else {
    lastMs = now;
    seq = 0;
  }
  const ms = lastMs.toString(16).padStart(12, "0");
  const rand = randomBytes(8).toString("hex");
  const variant = ((parseInt(rand[0]!, 16) & 0x3) | 0x8).toString(16);
  return `${ms.slice(0, 8)}-${ms.slice(8, 12)}-7${seq.toString(16).padStart(3, "0")}-${variant}${rand.slice(1, 4)}-${rand.slice(4, 16)}`;
}
