// The SDK's compile and the server's ("try it", runs) must render a template the same way.
import { describe, expect, it } from "vitest";
import { compileTemplate, extractVariables } from "@/lib/prompts/template";
import { renderTemplate, templateVariables, type TemplateProblem } from "../../sdk/src/template";

const demoSystem =
  "You are a support agent for {{company}}. Cite the article you used.\n\n{{#articles}}- {{title}}: {{summary}}\n{{/articles}}{{^articles}}(no articles){{/articles}}";

function sdkRender(template: string, variables: Record<string, unknown>) {
  const problem: TemplateProblem = { missing: [], unsupported: [] };
  return { text: renderTemplate(template, variables, problem), problem };
}

describe("SDK template rendering", () => {
  it("renders sections, dotted names and objects exactly as the server does", () => {
    const variables = {
      company: "Acme & Co <b>",
      articles: [{ title: "환불", summary: "3영업일 이내" }, { title: "Shipping", summary: "2 days" }],
    };
    const sdk = sdkRender(demoSystem, variables);
    expect(sdk.problem).toEqual({ missing: [], unsupported: [] });
    expect(sdk.text).toBe(compileTemplate("text", demoSystem, variables));
    expect(sdk.text).toContain("Acme & Co <b>"); // not HTML-escaped
    expect(sdk.text).toContain("- 환불: 3영업일 이내\n- Shipping: 2 days\n");
    const empty = sdkRender(demoSystem, { company: "Acme", articles: [] });
    expect(empty.text).toBe(compileTemplate("text", demoSystem, { company: "Acme", articles: [] }));
    expect(empty.text).toContain("(no articles)");
    const withObject = "{{customer.name}} ordered {{order}}";
    const view = { customer: { name: "Kim" }, order: { id: 7, items: ["a"] } };
    expect(sdkRender(withObject, view).text).toBe(compileTemplate("text", withObject, view));
    expect(sdkRender(withObject, view).text).toBe('Kim ordered {"id":7,"items":["a"]}');
  });

  it("names the same variables, requires those printed outside sections, and refuses partials", () => {
    expect(templateVariables(demoSystem)).toEqual(extractVariables("text", demoSystem));
    expect(sdkRender(demoSystem, {}).problem.missing).toEqual(["company"]);
    expect(sdkRender("{{> header}} hi", {}).problem.unsupported).toEqual(["{{> header}}"]);
    expect(sdkRender("{{#open}} unclosed", {}).problem.unsupported).toHaveLength(1);
  });
});
