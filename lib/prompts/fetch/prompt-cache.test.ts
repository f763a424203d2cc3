import { describe, expect, it } from "vitest";
import { PromptCache, UNLISTENED_TTL_MS, type PromptHead } from "./prompt-cache";

const head = (version: number): PromptHead => ({ promptId: "p1", type: "text", latest: version, labels: new Map([["production", { version, canary: null }]]) });

describe("PromptCache heads", () => {
  const setup = () => {
    const conn = { listening: true, epoch: 1 };
    return { conn, cache: new PromptCache(() => conn) };
  };

  it("keeps a head read while listening until its project is invalidated", () => {
    const { cache } = setup();
    cache.setHead("proj", "a", head(1), cache.ticket("proj"), 0);
    expect(cache.getHead("proj", "a", 60_000)?.latest).toBe(1);
    cache.invalidateProject("other");
    expect(cache.getHead("proj", "a", 60_000)).toBeDefined();
    cache.invalidateProject("proj");
    expect(cache.getHead("proj", "a", 60_000)).toBeUndefined();
  });

  it("does not keep a head whose project was invalidated while it was being read", () => {
    const { cache } = setup();
    const ticket = cache.ticket("proj");
    cache.invalidateProject("proj"); // the notification overtook the read
    cache.setHead("proj", "a", head(1), ticket, 0);
    expect(cache.getHead("proj", "a", 1)).toBeUndefined();
  });

  it("bounds staleness to the short TTL once the connection drops, and for heads read without it", () => {
    const { cache, conn } = setup();
    cache.setHead("proj", "a", head(1), cache.ticket("proj"), 0);
    conn.listening = false;
    conn.epoch = 2;
    expect(cache.getHead("proj", "a", UNLISTENED_TTL_MS - 1)).toBeDefined();
    expect(cache.getHead("proj", "a", UNLISTENED_TTL_MS)).toBeUndefined();
    cache.setHead("proj", "b", head(2), cache.ticket("proj"), 0);
    conn.listening = true;
    conn.epoch = 3; // reconnected: what was read while deaf is still only good for the short TTL
    expect(cache.getHead("proj", "b", UNLISTENED_TTL_MS)).toBeUndefined();
  });
});
