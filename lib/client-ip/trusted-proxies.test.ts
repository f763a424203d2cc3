import { afterEach, describe, expect, it } from "vitest";
import { env } from "../env";
import { clientAddress, parseTrustedProxies } from "./trusted-proxies";

const address = (setting: string, peer: string, forwardedFor?: string) => clientAddress({ peer, forwardedFor, trust: parseTrustedProxies(setting) });

describe("PHAROS_TRUSTED_PROXIES", () => {
  it("trusts nothing by default: the client is the socket's peer whatever X-Forwarded-For says", () => {
    for (const setting of ["", "0", "none", "false"]) expect(parseTrustedProxies(setting)).toEqual({ kind: "none" });
    expect(parseTrustedProxies(undefined)).toEqual({ kind: "none" });
    expect(address("", "198.51.100.7", "1.2.3.4")).toBe("198.51.100.7");
    expect(address("", "::ffff:198.51.100.7", "1.2.3.4, 5.6.7.8")).toBe("198.51.100.7");
  });

  it("with a hop count, takes the address that many proxies back, never further than the chain goes", () => {
    expect(parseTrustedProxies("2")).toEqual({ kind: "hops", hops: 2 });
    // The client forged "6.6.6.6"; the one balancer (the peer) appended the real address.
    expect(address("1", "10.0.0.2", "6.6.6.6, 203.0.113.9")).toBe("203.0.113.9");
    expect(address("2", "10.0.0.2", "6.6.6.6, 203.0.113.9, 10.0.0.1")).toBe("203.0.113.9");
    // Fewer entries than hops: the furthest one there is.
    expect(address("3", "10.0.0.2", "203.0.113.9")).toBe("203.0.113.9");
    expect(address("1", "10.0.0.2")).toBe("10.0.0.2");
  });

  it("with addresses and ranges, walks back while the hop is a trusted proxy", () => {
    expect(address("10.0.0.0/8", "10.0.0.2", "6.6.6.6, 203.0.113.9, 10.1.2.3")).toBe("203.0.113.9");
    expect(address("loopback, 192.0.2.1", "127.0.0.1", "6.6.6.6, 203.0.113.9, 192.0.2.1")).toBe("203.0.113.9");
    expect(address("uniquelocal", "::1", "203.0.113.9")).toBe("::1"); // the peer is not a trusted proxy
    expect(address("loopback", "::1", "2001:db8::5, [2001:db8::7]:4711")).toBe("2001:db8::7");
    expect(address("fc00::/7", "fd00::1", "203.0.113.9:51000")).toBe("203.0.113.9");
    // A trusted proxy that wrote no address: the walk stops at the last real one, not the text.
    expect(address("loopback", "127.0.0.1", "attacker-chosen-bucket")).toBe("127.0.0.1");
  });

  it("refuses values that would trust everyone or are not addresses, saying what is accepted", () => {
    expect(() => parseTrustedProxies("true")).toThrow(/every hop.*hop count/);
    expect(() => parseTrustedProxies("*")).toThrow(/every hop/);
    expect(() => parseTrustedProxies("10.0.0.300")).toThrow(/"10.0.0.300" is neither an IP address, a CIDR range .* loopback, linklocal, uniquelocal/);
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(/"10.0.0.0\/33" is neither/);
    expect(() => parseTrustedProxies("proxy.internal")).toThrow(/"proxy.internal" is neither/);
    expect(() => parseTrustedProxies("10.0.0.1,,10.0.0.2")).toThrow(/empty entry/);
    expect(() => parseTrustedProxies("1, 10.0.0.1")).toThrow(/either a hop count alone or a list/);
    expect(() => parseTrustedProxies("11")).toThrow(/at most 10/);
    expect(() => parseTrustedProxies("-1")).toThrow(/"-1" is neither/);
  });

  describe("at start-up", () => {
    const saved = process.env.PHAROS_TRUSTED_PROXIES;
    afterEach(() => {
      if (saved === undefined) delete process.env.PHAROS_TRUSTED_PROXIES;
      else process.env.PHAROS_TRUSTED_PROXIES = saved;
    });

    it("env() names the setting and the problem (scripts/start.ts prints it and exits 1)", () => {
      process.env.PHAROS_TRUSTED_PROXIES = "true";
      expect(() => env()).toThrow(/^Invalid environment: PHAROS_TRUSTED_PROXIES: "true" would trust every hop/);
      process.env.PHAROS_TRUSTED_PROXIES = "loopback, 10.0.0.0/8";
      expect(env().PHAROS_TRUSTED_PROXIES).toBe("loopback, 10.0.0.0/8");
    });
  });
});
