import { describe, expect, it } from "vitest";
import { inboxShortcut, parseInboxView, serializeInboxView, viewFilters } from "./inbox-url-state";

const key = (k: string, target: unknown = { tagName: "BODY" }, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) =>
  ({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods, target: target as EventTarget });

describe("inbox URL state", () => {
  it("defaults to open items and round-trips filters", () => {
    const plain = parseInboxView(new URLSearchParams(""));
    expect(plain).toEqual({ tab: "open", reason: null, assignee: null });
    expect(viewFilters(plain)).toEqual({ status: "open" });
    const view = parseInboxView(new URLSearchParams("status=all&reason=thumbs_down&assignee=me"));
    expect(viewFilters(view)).toEqual({ reason: "thumbs_down", assignee: "me" });
    expect(serializeInboxView(view, "item-1")).toBe("status=all&reason=thumbs_down&assignee=me&item=item-1");
    expect(serializeInboxView(plain)).toBe("");
  });

  it("ignores values it does not know", () => {
    expect(parseInboxView(new URLSearchParams("status=done&reason=<script>&assignee=a b"))).toEqual({ tab: "open", reason: null, assignee: null });
  });
});

describe("inbox shortcuts", () => {
  it("maps the documented keys", () => {
    expect(["j", "k", "a", "r", "i", "Enter", "g", "x", "?"].map((k) => inboxShortcut(key(k)))).toEqual(["next", "prev", "assign", "resolve", "ignore", "open", "promote", "toggle", "help"]);
    expect(inboxShortcut(key("z"))).toBeNull();
  });

  it("never fires while typing, with modifiers, or for Enter on a button", () => {
    for (const tagName of ["INPUT", "TEXTAREA", "SELECT"]) expect(inboxShortcut(key("r", { tagName }))).toBeNull();
    expect(inboxShortcut(key("r", { tagName: "INPUT", type: "search" }))).toBeNull();
    // A row checkbox keeps focus after a click; the keyboard must keep working (but Enter stays the checkbox's).
    expect(inboxShortcut(key("j", { tagName: "INPUT", type: "checkbox" }))).toBe("next");
    expect(inboxShortcut(key("Enter", { tagName: "INPUT", type: "checkbox" }))).toBeNull();
    expect(inboxShortcut(key("r", { tagName: "DIV", isContentEditable: true }))).toBeNull();
    expect(inboxShortcut(key("r", {}, { ctrlKey: true }))).toBeNull();
    expect(inboxShortcut(key("r", {}, { metaKey: true }))).toBeNull();
    expect(inboxShortcut(key("Enter", { tagName: "BUTTON" }))).toBeNull();
    expect(inboxShortcut(key("Enter", { tagName: "DIV" }))).toBe("open");
  });
});
