import { describe, expect, it } from "vitest";
import { sectionsFor } from "./nav-sections";

describe("sidebar sections by role", () => {
  it("shows Prompts to everyone who may read prompts, and never to annotators", () => {
    for (const role of ["owner", "admin", "engineer", "pm", "viewer"] as const) expect(sectionsFor(role).map((s) => s.label)).toContain("Prompts");
    expect(sectionsFor("annotator").map((s) => s.label)).not.toContain("Prompts");
  });
});

describe("annotation in the sidebar", () => {
  it("is all an annotator sees; leads see it too; viewers and PMs do not", () => {
    expect(sectionsFor("annotator").map((s) => s.label)).toEqual(["Annotation"]);
    for (const role of ["owner", "admin", "engineer"] as const) expect(sectionsFor(role).map((s) => s.label)).toContain("Annotation");
    for (const role of ["viewer", "pm"] as const) expect(sectionsFor(role).map((s) => s.label)).not.toContain("Annotation");
  });
});
