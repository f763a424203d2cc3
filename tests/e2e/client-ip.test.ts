// #14: a client must not choose the address its limits are kept under. Pharos is started as
// `npm start` starts it (scripts/web-server.ts in front of Next) and sign-ins go over real HTTP:
// - trusting no proxy (the default), forged X-Forwarded-For and x-pharos-client-ip headers do
//   not move a client out of its per-client sign-in bucket: the socket's peer is the client;
// - trusting one proxy hop (this test is the "proxy": it connects from 127.0.0.1), the address
//   that hop appended is the client, so two clients behind it have their own buckets;
// - the two web processes share one Postgres, and so one budget (lib/rate-limit/shared-bucket.ts);
// - a setting that would trust everyone stops the start with a message that says why.
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningPostgres, startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";
import { migrateDeploy } from "../../scripts/lib/migrate";
import { type PharosServer, startPharos } from "../support/pharos-server";

const shared = { NEXTAUTH_SECRET: "client-ip-shared-secret-0123456789", PHAROS_ROLE: "web", PHAROS_SIGNIN_FAILURES_PER_IP: "3" };
let seq = 0;
const unknownEmail = () => `nobody-${Date.now()}-${seq++}@example.test`;

/** One password sign-in as next-auth's form posts it; the status is 429 when a limit refused it before the password check. */
async function signIn(baseUrl: string, headers: Record<string, string> = {}): Promise<number> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`, { headers });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { ...headers, "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ csrfToken, email: unknownEmail(), password: "wrong password", callbackUrl: baseUrl }),
  });
  await res.arrayBuffer();
  return res.status;
}

describe("the client's address is the server's to say", () => {
  let dir: string;
  let postgres: RunningPostgres;
  let direct: PharosServer;
  let proxied: PharosServer;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "pharos-client-ip-"));
    await chmod(dir, 0o711);
    postgres = await startEmbeddedPostgres({ dir: path.join(dir, "pg"), database: "pharos" });
    await migrateDeploy(postgres.url, { quiet: true });
    [direct, proxied] = await Promise.all([
      startPharos({ databaseUrl: postgres.url, env: shared }),
      startPharos({ databaseUrl: postgres.url, env: { ...shared, PHAROS_TRUSTED_PROXIES: "1" } }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([direct?.stop(), proxied?.stop()]);
    await postgres?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it("trusting no proxy, forged forwarding headers cannot escape the per-client sign-in limit", async () => {
    expect(direct.output()).toContain("trusted proxies: none");
    const forged = (i: number) => ({ "x-forwarded-for": `6.6.6.${i}`, "x-pharos-client-ip": `7.7.7.${i}`, "x-real-ip": `8.8.8.${i}` });
    // Three failures from 127.0.0.1, each claiming another address; then any claim is refused.
    for (let i = 1; i <= 3; i++) expect(await signIn(direct.baseUrl, forged(i))).not.toBe(429);
    for (let i = 4; i <= 6; i++) expect(await signIn(direct.baseUrl, forged(i))).toBe(429);
    expect(await signIn(direct.baseUrl)).toBe(429);
  });

  it("trusting one proxy hop, the address that hop appended is the client", async () => {
    expect(proxied.output()).toContain("trusted proxies: 1 hop(s)");
    // "1.1.1.1" is what the client wrote; the proxy (the peer, 127.0.0.1) appended the address it saw.
    const behindProxy = (client: string) => ({ "x-forwarded-for": `1.1.1.1, ${client}` });
    for (let i = 0; i < 3; i++) expect(await signIn(proxied.baseUrl, behindProxy("203.0.113.5"))).not.toBe(429);
    expect(await signIn(proxied.baseUrl, behindProxy("203.0.113.5"))).toBe(429);
    // Another client behind the same proxy has its own bucket, whatever it writes first.
    expect(await signIn(proxied.baseUrl, behindProxy("203.0.113.6"))).not.toBe(429);
    // The stamp header a client sends is overwritten, not believed.
    expect(await signIn(proxied.baseUrl, { ...behindProxy("203.0.113.5"), "x-pharos-client-ip": "203.0.113.77" })).toBe(429);
  });

  it("two web processes on one database share the budget: the proxied process sees the direct one's lockout of 127.0.0.1", async () => {
    // Through the proxied process, a request with no X-Forwarded-For comes from its peer, 127.0.0.1:
    // the bucket the first test filled through the other process.
    expect(await signIn(proxied.baseUrl)).toBe(429);
  });

  it("refuses to start with a setting that would let any client name its address", async () => {
    await expect(startPharos({ env: { PHAROS_TRUSTED_PROXIES: "true" } })).rejects.toThrow(/PHAROS_TRUSTED_PROXIES: "true" would trust every hop/);
    await expect(startPharos({ env: { PHAROS_TRUSTED_PROXIES: "10.0.0.0/8, lb.internal" } })).rejects.toThrow(/"lb.internal" is neither an IP address/);
  });
});
