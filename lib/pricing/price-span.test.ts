import { calcPrice } from "@pydantic/genai-prices";
import { describe, expect, it } from "vitest";
import type { Usage } from "../ingest/types";
import type { PriceOverride } from "./price-overrides";
import { priceSpan, type PriceSpanInput } from "./price-span";

const AT = new Date("2025-08-01T12:00:00Z");
const M = 1_000_000;

function usage(inputTokens: number | null, outputTokens: number | null, extra: Partial<Usage> = {}): Usage {
  return { inputTokens, outputTokens, cachedInputTokens: null, reasoningTokens: null, totalTokens: null, ...extra };
}

function price(model: string | null, u: Usage, extra: Partial<PriceSpanInput> = {}) {
  return priceSpan({ model, provider: null, usage: u, startTime: AT, input: null, output: null, ...extra });
}

describe("priceSpan from the genai-prices catalogue", () => {
  // Published list prices: openai.com/api/pricing (gpt-4o: $2.50 in, $1.25 cached, $10 out per 1M)
  // and anthropic.com/pricing (Claude 3.5 Sonnet: $3 in, $0.30 cache read, $15 out per 1M).
  it("prices a known OpenAI model at its published rate", () => {
    const cost = price("gpt-4o", usage(M, M), { provider: "openai" });
    expect(cost).toMatchObject({ inputCost: 2.5, outputCost: 10, totalCost: 12.5, currency: "USD", estimated: false });
    expect(cost.priceSource).toMatch(/^genai-prices:openai\/gpt-4o/);
  });

  it("prices a known Anthropic model at its published rate, cache reads included", () => {
    const cost = price("claude-3-5-sonnet-20241022", usage(M, M, { cachedInputTokens: M / 2 }), { provider: "anthropic" });
    expect(cost.inputCost).toBeCloseTo(0.5 * 3 + 0.5 * 0.3, 10);
    expect(cost.outputCost).toBe(15);
    expect(cost.priceSource).toMatch(/^genai-prices:anthropic\//);
  });

  it("resolves dated and provider-prefixed model names to the same prices as the package", () => {
    const u = { input_tokens: 12_345, output_tokens: 678, cache_read_tokens: 1_000 };
    const expected = calcPrice(u, "gpt-4o-mini", { providerId: "openai", timestamp: AT });
    expect(expected).not.toBeNull();
    const cost = price("openai/gpt-4o-mini", usage(12_345, 678, { cachedInputTokens: 1_000 }));
    expect(cost.inputCost).toBeCloseTo(expected!.input_price, 10);
    expect(cost.outputCost).toBeCloseTo(expected!.output_price, 10);

    expect(price("gpt-4o-2024-08-06", usage(M, M)).totalCost).toBe(12.5);
    // An unknown gateway name in `provider` falls back to matching on the model.
    expect(price("gpt-4o", usage(M, M), { provider: "my-gateway" }).totalCost).toBe(12.5);
  });

  it("uses the price in force at the span's start time", () => {
    // OpenAI cut o3 from $10/$40 to $2/$8 per 1M on 2025-06-10.
    const before = price("o3", usage(M, M), { startTime: new Date("2025-06-01T00:00:00Z") });
    const after = price("o3", usage(M, M), { startTime: new Date("2025-06-11T00:00:00Z") });
    expect(before.totalCost).toBe(50);
    expect(after.totalCost).toBe(10);
    expect(after.priceSource).toBe("genai-prices:openai/o3@2025-06-10");
  });

  it("charges cached input less than uncached input", () => {
    const uncached = price("gpt-4o", usage(10_000, 100));
    const cached = price("gpt-4o", usage(10_000, 100, { cachedInputTokens: 8_000 }));
    expect(cached.inputCost!).toBeLessThan(uncached.inputCost!);
    expect(cached.outputCost).toBe(uncached.outputCost);
  });

  it("treats cache reads larger than the input as reported separately instead of throwing", () => {
    const cost = price("claude-3-5-sonnet-20241022", usage(1_000, 0, { cachedInputTokens: M }));
    expect(cost.inputCost).toBeCloseTo((1_000 * 3 + M * 0.3) / M, 10);
  });

  it("prices reasoning tokens as output tokens they are already part of", () => {
    const plain = price("o3", usage(1_000, 5_000));
    const reasoning = price("o3", usage(1_000, 5_000, { reasoningTokens: 4_000 }));
    expect(reasoning.outputCost).toBe(plain.outputCost);
  });

  it("rounds away float noise", () => {
    const cost = price("gpt-4o", usage(1, 3));
    expect(cost.totalCost).toBe(0.0000325);
  });
});

describe("priceSpan with project overrides", () => {
  const override = (id: string, from: string, extra: Partial<PriceOverride> = {}): PriceOverride => ({
    id,
    modelPattern: String.raw`^gpt-4o(-\d{4}-\d{2}-\d{2})?$`,
    inputPerMillion: 1,
    outputPerMillion: 2,
    effectiveFrom: new Date(from),
    ...extra,
  });

  it("wins over the catalogue only from its effectiveFrom", () => {
    const overrides = [override("neg", "2025-08-01T12:00:00Z")];
    const early = price("gpt-4o", usage(M, M), { overrides, startTime: new Date("2025-08-01T11:59:59Z") });
    const onTime = price("gpt-4o-2024-08-06", usage(M, M), { overrides });
    expect(early.priceSource).toMatch(/^genai-prices:/);
    expect(early.totalCost).toBe(12.5);
    expect(onTime).toMatchObject({ inputCost: 1, outputCost: 2, totalCost: 3, priceSource: "override:neg" });
  });

  it("picks the newest applicable override and respects pattern and provider", () => {
    const overrides = [
      override("old", "2025-01-01T00:00:00Z"),
      override("new", "2025-06-01T00:00:00Z", { inputPerMillion: 0.5, cachedInputPerMillion: 0.1 }),
      override("future", "2026-01-01T00:00:00Z"),
      override("azure-only", "2025-07-01T00:00:00Z", { provider: "azure" }),
    ];
    const cost = price("gpt-4o", usage(M, 0, { cachedInputTokens: M / 2 }), { overrides, provider: "openai" });
    expect(cost.priceSource).toBe("override:new");
    expect(cost.inputCost).toBeCloseTo(0.5 * 0.5 + 0.5 * 0.1, 10);
    expect(price("gpt-4o", usage(M, 0), { overrides, provider: "azure" }).priceSource).toBe("override:azure-only");
    expect(price("gpt-4o-mini", usage(M, M), { overrides }).priceSource).toMatch(/^genai-prices:/);
  });

  it("prices a model the catalogue does not know", () => {
    const overrides = [override("ft", "2020-01-01T00:00:00Z", { modelPattern: "acme-finetune-v2" })];
    expect(price("acme-finetune-v2", usage(M, M), { overrides }).totalCost).toBe(3);
  });
});

describe("priceSpan token estimation", () => {
  it("counts tokens offline when usage is missing and flags the result", () => {
    const cost = price("gpt-4o", usage(null, null), {
      input: [{ role: "user", content: [{ type: "text", text: "Hello world" }] }],
      output: { role: "assistant", content: "오늘 서울의 날씨는 맑고 따뜻합니다." },
    });
    expect(cost.estimated).toBe(true);
    expect(cost.usage.inputTokens).toBeGreaterThanOrEqual(2);
    expect(cost.usage.inputTokens).toBeLessThanOrEqual(3);
    expect(cost.usage.outputTokens).toBeGreaterThan(0);
    expect(cost.usage.totalTokens).toBe(cost.usage.inputTokens! + cost.usage.outputTokens!);
    expect(cost.totalCost).toBeGreaterThan(0);
  });

  it("approximates non-OpenAI models too", () => {
    const cost = price("claude-3-5-sonnet-20241022", usage(null, null), { input: "Hello world" });
    expect(cost.estimated).toBe(true);
    expect(cost.usage.inputTokens).toBeGreaterThanOrEqual(2);
    expect(cost.usage.inputTokens).toBeLessThanOrEqual(3);
  });

  it("stays cheap and plausible on a multi-megabyte payload", () => {
    const text = "The quick brown fox jumps over the lazy dog. ".repeat(120_000); // ≈ 5.4 MB
    const started = performance.now();
    const cost = price("gpt-4o", usage(null, null), { input: [{ role: "user", content: text }], output: "x".repeat(100_000) });
    expect(performance.now() - started).toBeLessThan(2_000);
    // 10 tokens per sentence in every OpenAI encoding.
    expect(cost.usage.inputTokens).toBeGreaterThan(1_000_000);
    expect(cost.usage.inputTokens).toBeLessThan(1_400_000);
    expect(cost.usage.outputTokens).toBeGreaterThan(0);
  });

  it("counts special-token text as plain text", () => {
    const cost = price("gpt-4o", usage(null, null), { input: "<|endoftext|> hi", output: "\ud83d lone surrogate" });
    expect(cost.estimated).toBe(true);
    expect(cost.usage.inputTokens).toBeGreaterThan(2);
  });

  it("does not estimate when counts are reported or there is no text", () => {
    expect(price("gpt-4o", usage(7, 0), { input: "Hello world" })).toMatchObject({ estimated: false, usage: { inputTokens: 7 } });
    expect(price("gpt-4o", usage(null, null))).toMatchObject({ estimated: false, totalCost: null, priceSource: null });
  });
});

describe("priceSpan on unknown or odd input", () => {
  it("returns nulls for an unknown or missing model", () => {
    for (const model of ["definitely-not-a-model", null, "  "]) {
      expect(price(model, usage(M, M), { input: "Hello" })).toMatchObject({
        inputCost: null, outputCost: null, totalCost: null, estimated: false, priceSource: null, usage: { inputTokens: M },
      });
    }
  });

  it("treats negative and NaN counts as missing and never throws", () => {
    const cost = price("gpt-4o", usage(-5, Number.NaN, { cachedInputTokens: Infinity }), { input: "Hello world" });
    expect(cost.usage).toMatchObject({ inputTokens: expect.any(Number), cachedInputTokens: null });
    expect(cost.estimated).toBe(true);
    expect(() => price("gpt-4o", usage(1, 1), { startTime: new Date("nope"), input: { a: { b: [1, null, {}] } } })).not.toThrow();
    expect(() => price("gpt-4o", null as unknown as Usage)).not.toThrow();
  });
});
