import { describe, expect, it } from "vitest";
import { loggablePath } from "./loggable-path";

describe("loggablePath", () => {
  it("keeps the route's words and drops queries, ids and tokens", () => {
    expect(loggablePath("/invite/pNq3rX9w0aZkL2mB7cYd1eFg4hJ6iK8o?x=1")).toBe("/invite/…");
    expect(loggablePath("/verify-email?token=3f9a1c0e7b2d4a6f8e0c1b3d5f7a9c2e")).toBe("/verify-email");
    expect(loggablePath("/api/projects/cmh2x0k4z0001qv8s7d6f5g4h/alerts/cmh2x0k4z0002")).toBe("/api/projects/…/alerts/…");
    expect(loggablePath("/api/public/otel/v1/traces")).toBe("/api/public/otel/v1/traces");
    expect(loggablePath("/")).toBe("/");
    expect(loggablePath(undefined)).toBe("/");
  });
});
