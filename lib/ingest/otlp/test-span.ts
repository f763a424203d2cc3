/** Test helper: a valid decoded span with the given attributes, mapped or the test fails. */
import { mapOtlpSpan } from "./map-span";
import type { Attributes, OtlpScope, OtlpSpan } from "./otlp-types";

export const TRACE = "5b8efff798038103d269b633813fc60c";
export const SPAN = "eee19b7ec3c1b174";
export const START = 1_700_000_000_000_000_000n;

export function otlpSpan(attributes: Attributes = {}, over: Partial<OtlpSpan> = {}): OtlpSpan {
  return {
    traceId: TRACE,
    spanId: SPAN,
    parentSpanId: "",
    name: "op",
    kind: 1,
    startTimeUnixNano: START,
    endTimeUnixNano: START + 2_000_000_000n,
    attributes,
    events: [],
    links: [],
    status: { code: 0, message: "" },
    ...over,
  };
}

export function mapped(
  attributes: Attributes = {},
  over: Partial<OtlpSpan> = {},
  resource: Attributes = {},
  scope: OtlpScope = { name: "", version: "" },
) {
  const result = mapOtlpSpan(otlpSpan(attributes, over), resource, scope);
  if (!result.ok) throw new Error(result.error);
  return result.span;
}
