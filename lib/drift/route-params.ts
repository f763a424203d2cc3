import { AppError } from "../errors";

/** A required string route param (Next gives string | string[] | undefined). */
export function routeParamOf(params: Record<string, string | string[] | undefined>, name: string): string {
  const v = params[name];
  if (typeof v !== "string" || v === "") throw new AppError("INVALID", `${name}: missing`);
  return v;
}
