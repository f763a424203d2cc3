import { describe, expect, it } from "vitest";
import { hermeticEnv } from "./hermetic-env";

describe("hermeticEnv", () => {
  const shell = {
    PATH: "/usr/bin",
    HOME: "/root",
    DATABASE_URL: "postgres://someone@prod/db",
    NEXTAUTH_SECRET: "shell-secret-0123456789",
    NEXTAUTH_URL: "https://pharos.example",
    PHAROS_INIT_ORG_NAME: "Acme",
    PHAROS_INIT_USER_EMAIL: "ops@acme.test",
    PHAROS_DISABLE_SIGNUP: "true",
    GITHUB_CLIENT_ID: "gh-id",
    PORT: "8080",
  };

  it("drops every Pharos setting of the caller's shell and keeps the rest", () => {
    const env = hermeticEnv(shell, { PHAROS_DATA_DIR: "/tmp/x", PORT: "4100" });
    expect({ ...env }).toEqual({ PATH: "/usr/bin", HOME: "/root", PHAROS_DATA_DIR: "/tmp/x", PORT: "4100" });
  });

  it("keeps what the test sets, even when the shell had another value", () => {
    const env = hermeticEnv(shell, { DATABASE_URL: "postgres://test@127.0.0.1/t", PHAROS_DISABLE_SIGNUP: undefined });
    expect(env.DATABASE_URL).toBe("postgres://test@127.0.0.1/t");
    expect("PHAROS_DISABLE_SIGNUP" in env).toBe(false);
  });
});
