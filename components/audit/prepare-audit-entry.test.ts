import { describe, expect, it } from "vitest";
import { actorLabel, auditChanges, flattenAuditPages, isEmergency, resourceLabel } from "./prepare-audit-entry";
import { auditFilters, parseAuditView, serializeAuditView } from "./audit-url-state";

describe("auditChanges", () => {
  it("lists changed, added and removed keys, nested ones dotted, and counts the rest", () => {
    const out = auditChanges(
      { label: "production", version: 2, revision: 3, policy: { requiredApprovals: 1, roles: ["owner"] } },
      { label: "production", version: 1, revision: 4, reason: "bad refunds", changeRequestId: null, emergency: true, policy: { requiredApprovals: 2, roles: ["owner"] } },
    );
    expect(out.unchanged).toBe(2);
    expect(out.changes).toEqual([
      { key: "version", before: "2", after: "1", kind: "changed" },
      { key: "revision", before: "3", after: "4", kind: "changed" },
      { key: "policy.requiredApprovals", before: "1", after: "2", kind: "changed" },
      { key: "reason", before: null, after: "bad refunds", kind: "added" },
      { key: "emergency", before: null, after: "true", kind: "added" },
    ]);
  });

  it("treats a creation as all added and a deletion as all removed", () => {
    expect(auditChanges(null, { name: "x", tags: ["a"] }).changes).toEqual([
      { key: "name", before: null, after: "x", kind: "added" },
      { key: "tags", before: null, after: '["a"]', kind: "added" },
    ]);
    expect(auditChanges({ url: "http://a" }, null).changes).toEqual([{ key: "url", before: "http://a", after: null, kind: "removed" }]);
    expect(auditChanges({ url: null }, { url: "http://b" }).changes).toEqual([{ key: "url", before: "null", after: "http://b", kind: "changed" }]);
  });
});

describe("audit entry labels", () => {
  const entry = { id: "a", action: "prompt.label.rollback", resourceType: "prompt_label", resourceId: "p1:production", actorUserId: "u1", actorApiKey: null, before: { label: "production", version: 2 }, after: { label: "production", version: 1, emergency: true }, createdAt: "" };

  it("marks emergency rollbacks and nothing else", () => {
    expect(isEmergency(entry)).toBe(true);
    expect(isEmergency({ after: { emergency: false } })).toBe(false);
    expect(isEmergency({ after: null })).toBe(false);
  });

  it("names the actor and the resource in words", () => {
    expect(actorLabel(entry, { u1: { name: null, email: "o@x.test" } })).toBe("o@x.test");
    expect(actorLabel({ actorUserId: null, actorApiKey: "pk-123" }, {})).toBe("API key pk-123");
    expect(actorLabel({ actorUserId: null, actorApiKey: null }, {})).toBe("Pharos (automatic)");
    expect(resourceLabel(entry)).toBe("label production");
    expect(resourceLabel({ resourceType: "prompt_change_request", resourceId: "cmabcdefghijklmnop", before: null, after: {} })).toBe("change request cmabcdefghij…");
  });

  it("merges loaded pages", () => {
    const out = flattenAuditPages([{ entries: [entry], users: { u1: { name: "O", email: "o" } }, nextCursor: "c" }, { entries: [{ ...entry, id: "b" }], users: {}, nextCursor: null }]);
    expect(out.entries.map((e) => e.id)).toEqual(["a", "b"]);
    expect(out.users.u1!.name).toBe("O");
  });
});

describe("audit URL state", () => {
  it("round-trips filters and drops malformed ones", () => {
    const view = parseAuditView(new URLSearchParams("action=prompt.&actor=u_1&resource=prompt_label&range=7d"));
    expect(view).toEqual({ action: "prompt.", actor: "u_1", resourceType: "prompt_label", range: "7d" });
    expect(serializeAuditView(view)).toBe("action=prompt.&actor=u_1&resource=prompt_label&range=7d");
    expect(parseAuditView(new URLSearchParams("action=<x>&range=1y"))).toEqual({ action: "", actor: "", resourceType: "", range: "all" });
  });

  it("anchors a relative range to the minute so the query key holds still", () => {
    const now = Date.parse("2026-03-01T12:00:42Z");
    expect(auditFilters({ action: "prompt.", actor: "", resourceType: "", range: "24h" }, now)).toEqual({ action: "prompt.", from: "2026-02-28T12:00:00.000Z" });
    expect(auditFilters({ action: "", actor: "u", resourceType: "", range: "all" }, now)).toEqual({ actorUserId: "u" });
  });
});
