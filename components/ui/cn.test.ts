import { describe, expect, it } from "vitest";
import { cn } from "./cn";

describe("cn", () => {
  it("lets the caller's size classes replace a primitive's defaults", () => {
    expect(cn("h-9 w-full rounded-md px-3", "h-8 w-40")).toBe("rounded-md px-3 h-8 w-40");
    expect(cn("text-sm", false && "hidden", ["font-medium", { "text-red-600": true }])).toBe("text-sm font-medium text-red-600");
  });
});
