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

describe("gateStatus with score gates", () => {
  const rag = { ...policy, runGate: { ...policy.runGate, scoreGates: [{ evaluator: "faithfulness", min: 0.9, maxDrop: 0.03 }] } };
  const withMeans = (id: string, faithfulness: number | null) => run({ id, means: { faithfulness } });

  it("passes when the mean meets the minimum and fell by at most maxDrop", () => {
    expect(gate({ policy: rag, run: withMeans("r", 0.92), baseline: withMeans("b", 0.94) })).toMatchObject({ state: "passed", scores: [{ evaluator: "faithfulness", mean: 0.92, baselineMean: 0.94, drop: 0.02, met: true }] });
  });

  it("fails below the minimum or on a larger drop, listing each problem as a blocker", () => {
    const low = gate({ policy: rag, run: withMeans("r", 0.88), baseline: withMeans("b", 0.95) });
    expect(low.state).toBe("failed");
    expect(low.blockers).toEqual([
      "gate: faithfulness mean 0.880 is below the required 0.9",
      "gate: faithfulness mean dropped 0.070 against the baseline (0.950 → 0.880; at most 0.03 allowed)",
    ]);
    expect(gate({ policy: rag, run: withMeans("r", 0.91), baseline: withMeans("b", 0.95) }).blockers).toEqual(["gate: faithfulness mean dropped 0.040 against the baseline (0.950 → 0.910; at most 0.03 allowed)"]);
    // A first version has nothing to compare with: only the minimum applies.
    expect(gate({ policy: rag, baseVersion: null, baseline: null, run: withMeans("r", 0.91) })).toMatchObject({ state: "passed" });
  });
});
