import { describe, expect, it } from "vitest";
import { type GateRunFact, gateStatus } from "./gate-status";
import { defaultPolicy } from "./resolve-policy";

const policy = { ...defaultPolicy("production"), requirePassingRun: true, runGate: { dataset: "golden", evaluators: [{ type: "contains", value: "a" }], minPassRate: 0.8, maxDropPoints: 5 } };
const run = (over: Partial<GateRunFact> = {}): GateRunFact => ({ id: "r", status: "succeeded", passed: true, passRate: 0.9, done: 10, total: 10, error: null, ...over });
const gate = (o: Partial<Parameters<typeof gateStatus>[0]>) => gateStatus({ policy, baseVersion: 1, run: run(), baseline: run({ id: "b" }), error: null, override: null, ...o });

describe("gateStatus", () => {
  it("is off without requirePassingRun, whatever the runs say", () => {
    expect(gate({ policy: { ...policy, requirePassingRun: false }, run: run({ passRate: 0 }) })).toMatchObject({ state: "off", blockers: [] });
  });

  it("waits while either run is queued or running, naming progress", () => {
    const s = gate({ baseline: run({ id: "b", status: "running", done: 3 }) });
    expect(s.state).toBe("pending");
    expect(s.blockers).toEqual(["gate: waiting for the baseline run (3/10 items)"]);
  });

  it("passes at or above the minimum within the allowed drop, and reports the drop in points", () => {
    expect(gate({ baseline: run({ id: "b", passRate: 0.94 }) })).toMatchObject({ state: "passed", dropPoints: 4, passRate: 0.9, baselinePassRate: 0.94, blockers: [] });
    expect(gate({ baseVersion: null, baseline: null })).toMatchObject({ state: "passed", dropPoints: null });
  });

  it("fails below the minimum, on a drop beyond maxDropPoints, on a failed run or required evaluator", () => {
    expect(gate({ run: run({ passRate: 0.7 }) }).blockers[0]).toMatch(/pass rate 70.0% is below the required 80.0%/);
    const drop = gate({ baseline: run({ id: "b", passRate: 1 }) });
    expect(drop).toMatchObject({ state: "failed", dropPoints: 10 });
    expect(drop.blockers[0]).toMatch(/dropped 10 points against version 1 .*at most 5/);
    expect(gate({ run: run({ status: "failed", error: "boom" }) }).blockers[0]).toMatch(/gate run failed: boom/);
    expect(gate({ run: run({ passed: false }) }).state).toBe("failed");
    expect(gate({ run: null, error: "dataset gone" }).blockers[0]).toMatch(/could not start \(dataset gone\)/);
  });

  it("an override lifts a failed gate and is reported", () => {
    const override = { byId: "u1", reason: "known flaky item", at: "2026-12-09T00:00:00.000Z" };
    expect(gate({ run: run({ passRate: 0 }), override })).toMatchObject({ state: "overridden", blockers: [], override });
  });
});
