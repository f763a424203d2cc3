import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { assertNoSecrets, dataDirSecrets, derivedEncryptionKey, envSecrets, linesWithSecrets } from "./secret-scan";

describe("linesWithSecrets", () => {
  it("finds a secret raw, base64, base64url and percent-encoded, and names the line", () => {
    const s = { name: "key", value: "sk-a/b+c?d=ef0123456789" };
    const output = [
      "fine",
      `raw ${s.value}`,
      `basic ${Buffer.from(s.value).toString("base64")}`,
      `url ${Buffer.from(s.value).toString("base64url")}`,
      `path /hooks/${encodeURIComponent(s.value)}`,
    ].join("\n");
    expect(linesWithSecrets(output, [s])).toEqual([`key: raw ${s.value}`, `key: basic ${Buffer.from(s.value).toString("base64")}`, `key: url ${Buffer.from(s.value).toString("base64url")}`, `key: path /hooks/${encodeURIComponent(s.value)}`]);
    expect(linesWithSecrets("nothing here", [s])).toEqual([]);
  });

  it("refuses a secret too short to scan for", () => {
    expect(() => linesWithSecrets("x", [{ name: "pin", value: "1234" }])).toThrow(/pin is too short/);
  });
});

describe("assertNoSecrets (what PharosServer.stop runs)", () => {
  it("throws on a planted secret, naming it and the line, and passes clean output", () => {
    const token = { name: "invite token", value: "inv_Zq9x-planted-0123456789" };
    const output = `[pharos] ready\nGET /invite/${token.value} 200\n[pharos] stopped`;
    expect(() => assertNoSecrets(output, [token], "the test server")).toThrow(`secrets in the test server:\ninvite token: GET /invite/${token.value} 200`);
    expect(() => assertNoSecrets("[pharos] ready\n[pharos] stopped", [token], "the test server")).not.toThrow();
  });
});

describe("envSecrets", () => {
  it("takes passwords, secret keys, client secrets, tokens and URL passwords, never public keys or plain settings", () => {
    const secrets = envSecrets({
      PHAROS_INIT_USER_PASSWORD: "init-password-1",
      PHAROS_INIT_PROJECT_SECRET_KEY: "sk-init-0123456789",
      PHAROS_INIT_PROJECT_PUBLIC_KEY: "pk-init-0123456789",
      NEXTAUTH_SECRET: "shared-secret-0123456789",
      PHAROS_ENCRYPTION_KEY: "enc-key-0123456789",
      PHAROS_METRICS_TOKEN: "metrics-token-0123",
      GITHUB_CLIENT_SECRET: "gh-secret-0123456789",
      PHAROS_SMTP_URL: "smtp://pharos:mail%2Fsecret-1@127.0.0.1:2525",
      DATABASE_URL: "postgresql://postgres:pg-pass-0123456789@127.0.0.1:5432/pharos",
      PHAROS_OUTBOUND_ALLOWED_HOSTS: "127.0.0.1",
      PHAROS_INIT_USER_EMAIL: "ada@example.test",
      PHAROS_DATA_DIR: "/tmp/pharos-e2e-123456",
      PHAROS_SIGNIN_FAILURES_PER_IP: "3",
      OIDC_CLIENT_SECRET: "short",
    });
    expect(secrets).toEqual([
      { name: "PHAROS_INIT_USER_PASSWORD", value: "init-password-1" },
      { name: "PHAROS_INIT_PROJECT_SECRET_KEY", value: "sk-init-0123456789" },
      { name: "NEXTAUTH_SECRET", value: "shared-secret-0123456789" },
      { name: "PHAROS_ENCRYPTION_KEY", value: "enc-key-0123456789" },
      { name: "PHAROS_METRICS_TOKEN", value: "metrics-token-0123" },
      { name: "GITHUB_CLIENT_SECRET", value: "gh-secret-0123456789" },
      { name: "PHAROS_SMTP_URL password", value: "mail/secret-1" },
      { name: "DATABASE_URL password", value: "pg-pass-0123456789" },
    ]);
  });
});

describe("dataDirSecrets", () => {
  it("reads NEXTAUTH_SECRET, derives the encryption key, and reads the Postgres password and the demo credentials", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "pharos-secret-scan-"));
    try {
      expect(await dataDirSecrets(dir)).toEqual([]);
      await writeFile(path.join(dir, "secrets.json"), JSON.stringify({ nextauthSecret: "generated-secret-0123456789" }));
      await writeFile(path.join(dir, "pg-password"), "pg-generated-0123456789\n");
      await writeFile(path.join(dir, "credentials"), "# demo\nemail=demo@pharos.local\npassword=demo-password-123\npublic_key=pk-demo-0123456789\nsecret_key=sk-demo-0123456789\ndemo_seeded=yes\n");
      const secrets = await dataDirSecrets(dir);
      expect(secrets.map((s) => s.name)).toEqual([
        "NEXTAUTH_SECRET (secrets.json)", "derived encryption key (hex)", "derived encryption key (base64)", "Postgres password (pg-password)", "demo password", "demo secret_key",
      ]);
      const key = derivedEncryptionKey("generated-secret-0123456789");
      expect(secrets.find((s) => s.name === "derived encryption key (hex)")!.value).toBe(key[0]!.value);
      expect(key[0]!.value).toMatch(/^[0-9a-f]{64}$/);

      // A NEXTAUTH_SECRET from the environment is the one in effect: the key derives from it; an explicit key replaces the derived one.
      expect((await dataDirSecrets(dir, { NEXTAUTH_SECRET: "env-secret-0123456789" })).find((s) => s.name === "derived encryption key (hex)")!.value).toBe(derivedEncryptionKey("env-secret-0123456789")[0]!.value);
      expect((await dataDirSecrets(dir, { PHAROS_ENCRYPTION_KEY: "explicit-key-0123456789" })).some((s) => s.name.startsWith("derived"))).toBe(false);

      // The Postgres password as it sits, percent-encoded, in a logged connection string is found.
      const url = `postgresql://postgres:${encodeURIComponent("pg-generated-0123456789")}@127.0.0.1:5432/pharos`;
      expect(linesWithSecrets(`connecting to ${url}`, secrets)).toEqual([`Postgres password (pg-password): connecting to ${url}`]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
