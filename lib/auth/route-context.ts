/** The second argument Next passes to a route handler. */
export type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

export async function routeParam(ctx: RouteContext, name: string): Promise<string> {
  const value = (await ctx.params)[name];
  return typeof value === "string" ? value : "";
}
