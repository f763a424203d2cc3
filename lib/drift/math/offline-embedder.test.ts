import { describe, expect, it } from "vitest";
import { embedOffline, fitIdf, idfFromBytes, idfToBytes, offlineModelName, OFFLINE_DIM, OFFLINE_MODEL } from "./offline-embedder";
import { seededRng } from "./rng";
import { sampleQuestions } from "./sample-texts";

const dist = (a: Float32Array, b: Float32Array) => Math.sqrt(a.reduce((s, v, i) => s + (v - b[i]!) ** 2, 0));
const norm = (a: Float32Array) => Math.sqrt(a.reduce((s, v) => s + v * v, 0));

describe("offline embedder", () => {
  it("is deterministic: same text, same vector, bit for bit", () => {
    const text = "Why was I charged twice on my Visa card? 환불 받을 수 있나요?";
    const a = embedOffline(text);
    const b = embedOffline(text);
    expect(a.length).toBe(OFFLINE_DIM);
    expect(Buffer.from(a.buffer).equals(Buffer.from(b.buffer))).toBe(true);
    const idf = fitIdf(sampleQuestions(seededRng(1), 200));
    expect(Array.from(embedOffline(text, idf))).toEqual(Array.from(embedOffline(text, fitIdf(sampleQuestions(seededRng(1), 200)))));
  });

  it("returns unit vectors, and the zero vector for text without letters or digits", () => {
    expect(norm(embedOffline("How do I download my invoice?"))).toBeCloseTo(1, 5);
    expect(norm(embedOffline("환불"))).toBeCloseTo(1, 5);
    expect(norm(embedOffline("?!… ---"))).toBe(0);
  });

  it.each([
    ["English", "Why was I charged twice on my Visa card this month?", "why was i charged twice on my visa card this month", "Can I invite five teammates to the workspace?"],
    ["Korean", "중복 결제된 금액 환불 처리 부탁드립니다.", "중복 결제된 금액 환불 처리 부탁 드립니다", "검색 페이지가 느려요, 장애인가요?"],
  ])("places %s near-duplicates closer than unrelated texts", (_lang, text, nearDuplicate, unrelated) => {
    for (const idf of [null, fitIdf(sampleQuestions(seededRng(2), 300))]) {
      const v = embedOffline(text, idf);
      expect(dist(v, embedOffline(nearDuplicate, idf))).toBeLessThan(0.5 * dist(v, embedOffline(unrelated, idf)));
    }
  });

  it("keeps same-topic questions closer than questions from another topic and language", () => {
    const rng = seededRng(3);
    const en = sampleQuestions(rng, 30, 0).map((t) => embedOffline(t));
    const ko = sampleQuestions(rng, 30, 1).map((t) => embedOffline(t));
    const mean = (pairs: [Float32Array, Float32Array][]) => pairs.reduce((s, [a, b]) => s + dist(a, b), 0) / pairs.length;
    const within = mean(en.slice(0, 15).map((v, i) => [v, en[15 + i]!]));
    const across = mean(en.slice(0, 15).map((v, i) => [v, ko[i]!]));
    expect(within).toBeLessThan(across);
  });

  it("names the model after the IDF table, and the table survives storage", () => {
    const idf = fitIdf(sampleQuestions(seededRng(4), 100));
    expect(offlineModelName(null)).toBe(OFFLINE_MODEL);
    const name = offlineModelName(idf);
    expect(name).toMatch(/^pharos-offline-v1\+idf\.[0-9a-f]{8}$/);
    const restored = idfFromBytes(idfToBytes(idf));
    expect(offlineModelName(restored)).toBe(name);
    expect(offlineModelName(fitIdf(sampleQuestions(seededRng(5), 100)))).not.toBe(name);
  });
});
