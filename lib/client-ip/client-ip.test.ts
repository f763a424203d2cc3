import { afterEach, describe, expect, it, vi } from "vitest";
import { CLIENT_IP_HEADER, clientIp, clientIpBucket, markClientIpStamped } from "./client-ip";

describe("clientIp", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    delete (globalThis as Record<symbol, unknown>)[Symbol.for("pharos.clientIpStamped")];
  });

  it("reads only the address the web server stamped, never X-Forwarded-For", () => {
    expect(clientIp(new Headers({ [CLIENT_IP_HEADER]: "203.0.113.9", "x-forwarded-for": "6.6.6.6" }))).toBe("203.0.113.9");
    expect(clientIp({ [CLIENT_IP_HEADER]: "203.0.113.9" })).toBe("203.0.113.9");
    expect(clientIp({ "x-forwarded-for": "6.6.6.6" })).toBe("unknown");
    expect(clientIp(undefined)).toBe("unknown");
  });

  it("in production, believes the header only in a process whose web server stamps it", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    vi.stubEnv("NODE_ENV", "production");
    expect(clientIp({ [CLIENT_IP_HEADER]: "7.7.7.7" })).toBe("unknown");
    expect(warn).toHaveBeenCalledOnce();
    markClientIpStamped();
    expect(clientIp({ [CLIENT_IP_HEADER]: "203.0.113.9" })).toBe("203.0.113.9");
    warn.mockRestore();
  });

  it("limits IPv6 clients per /64, IPv4 clients per address", () => {
    expect(clientIpBucket("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(clientIpBucket("2001:db8:1:2:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(clientIpBucket("203.0.113.9")).toBe("203.0.113.9");
    expect(clientIpBucket("unknown")).toBe("unknown");
  });
});
