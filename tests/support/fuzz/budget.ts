// How many cases a fuzz property runs: `npm test` runs the small budget (2,000 cases in all),
// `npm run test:fuzz` provides fuzzScale (×50: ≥ 100,000); FUZZ_SCALE=<n> overrides either. FUZZ_SEED (and FUZZ_PATH) replay a
// reported failure: fast-check prints both with the counterexample.
import fc from "fast-check";
import { inject } from "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    fuzzScale: number;
  }
}

export function fuzzScale(): number {
  if (process.env.FUZZ_SCALE) return Number(process.env.FUZZ_SCALE);
  try {
    return inject("fuzzScale") ?? 1;
  } catch {
    return 1;
  }
}

export function fuzzParams<T>(runs: number): fc.Parameters<T> {
  const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
  return {
    numRuns: Math.round(runs * fuzzScale()),
    ...(seed === undefined ? {} : { seed, path: process.env.FUZZ_PATH }),
    verbose: 1,
  };
}
