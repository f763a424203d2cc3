import { describe, expect, it } from "vitest";
import { linesWithSecrets } from "./secret-scan";

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
});
