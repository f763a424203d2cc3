import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OutboundBlockedError, outboundFetch, outboundPolicy, outboundUrlProblem } from "./outbound";

const none = outboundPolicy("");

describe("outboundUrlProblem", () => {
  it.each([
    ["http://127.0.0.1:9/hook", "127.0.0.1"],
    ["http://localhost:3000/hook", "localhost"],
    ["http://169.254.169.254/latest/meta-data/", "169.254.169.254"],
    ["http://[::1]/", "::1"],
    ["http://[::ffff:127.0.0.1]/", "::ffff:7f00:1"],
    ["http://10.1.2.3/", "10.1.2.3"],
    ["http://172.16.0.9/", "172.16.0.9"],
    ["http://192.168.1.1/", "192.168.1.1"],
    ["http://100.64.0.1/", "100.64.0.1"],
    ["http://0.0.0.0:5432/", "0.0.0.0"],
    ["http://[fd00::1]/", "fd00::1"],
  ])("refuses %s by default, naming the address and the setting", async (url, host) => {
    const problem = await outboundUrlProblem(url, none);
    expect(problem).toMatch(new RegExp(`^${host.replace(/[.[\]]/g, "\\$&")} resolves to .*private or reserved.*PHAROS_OUTBOUND_ALLOWED_HOSTS`));
  });

  it("accepts public addresses, and names that do not resolve (the request will say so)", async () => {
    expect(await outboundUrlProblem("https://8.8.8.8/v1", none)).toBeNull();
    expect(await outboundUrlProblem("https://[2606:4700:4700::1111]/", none)).toBeNull();
    expect(await outboundUrlProblem("https://hooks.no-such-host.invalid/x", none)).toBeNull();
  });

  it("accepts what the operator allows: an address, a CIDR range or a host name", async () => {
    expect(await outboundUrlProblem("http://127.0.0.1:9/", outboundPolicy("127.0.0.1"))).toBeNull();
    expect(await outboundUrlProblem("http://10.20.30.40/", outboundPolicy(" 10.0.0.0/8 , 192.168.0.0/16"))).toBeNull();
    expect(await outboundUrlProblem("http://10.20.30.40/", outboundPolicy("192.168.0.0/16"))).not.toBeNull();
    expect(await outboundUrlProblem("http://LOCALHOST:3000/", outboundPolicy("localhost"))).toBeNull();
    // Allowing one loopback address does not allow the metadata service.
    expect(await outboundUrlProblem("http://169.254.169.254/", outboundPolicy("127.0.0.1"))).not.toBeNull();
  });

  it("refuses what is not an http(s) URL", async () => {
    expect(await outboundUrlProblem("file:///etc/passwd", none)).toBe("must be an http:// or https:// URL");
    expect(await outboundUrlProblem("not a url", none)).toBe("is not a valid URL");
  });
});

describe("outboundFetch", () => {
  let server: Server;
  let port: number;
  const received: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      received.push(`${req.method} ${req.url}`);
      if (req.url === "/redirect") {
        res.writeHead(302, { location: "http://169.254.169.254/" }).end();
      } else if (req.url === "/big") {
        res.end("x".repeat(10_000));
      } else {
        let body = "";
        req.on("data", (c) => (body += c));
        req.on("end", () => res.writeHead(201, { "content-type": "application/json", "x-seen": "yes" }).end(JSON.stringify({ echo: body })));
      }
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("refuses a private address at connect time, by IP literal or by a name that resolves to one, sending nothing", async () => {
    received.length = 0;
    await expect(outboundFetch(`http://127.0.0.1:${port}/hook`, { method: "POST", body: "{}" }, none)).rejects.toThrow(OutboundBlockedError);
    // The save-time check is not the only guard: a name is checked on the address it connects to.
    await expect(outboundFetch(`http://localhost:${port}/hook`, { method: "POST", body: "{}" }, none)).rejects.toThrow(/localhost resolves to .*private or reserved/);
    expect(received).toEqual([]);
  });

  it("calls allowed targets and answers with a standard Response", async () => {
    received.length = 0;
    const res = await outboundFetch(`http://127.0.0.1:${port}/hook?a=1`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"n":1}' }, outboundPolicy("127.0.0.1"));
    expect(res.status).toBe(201);
    expect(res.headers.get("x-seen")).toBe("yes");
    expect(await res.json()).toEqual({ echo: '{"n":1}' });
    expect(received).toEqual(["POST /hook?a=1"]);
  });

  it("does not follow redirects and caps the response body", async () => {
    const allowed = outboundPolicy("127.0.0.1");
    const redirect = await outboundFetch(`http://127.0.0.1:${port}/redirect`, { method: "GET" }, allowed);
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get("location")).toBe("http://169.254.169.254/");
    await expect(outboundFetch(`http://127.0.0.1:${port}/big`, { method: "GET", maxBytes: 1_000 }, allowed)).rejects.toThrow(/larger than 1000 bytes/);
  });
});
