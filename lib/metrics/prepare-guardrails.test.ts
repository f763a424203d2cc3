import { expect, it } from "vitest";
import { prepareGuardrailChart } from "./prepare-guardrails";

it("stacks blocked, masked and allowed per bucket, oldest first", () => {
  const row = (time: string, calls: number, blocked: number, masked: number) => ({ time, calls, blocked, masked, blockRate: null, maskRate: null });
  expect(prepareGuardrailChart([row("2026-12-07T10:00:00.000Z", 10, 2, 3), row("2026-12-07T09:00:00.000Z", 4, 0, 0)])).toEqual([
    { time: Date.parse("2026-12-07T09:00:00.000Z"), blocked: 0, masked: 0, allowed: 4, calls: 4 },
    { time: Date.parse("2026-12-07T10:00:00.000Z"), blocked: 2, masked: 3, allowed: 5, calls: 10 },
  ]);
});
