import { z } from "zod";
import { type CallOptions, LlmCallError, type LlmEndpoint, providerRequest } from "./provider-http";

const modelsSchema = z.object({ data: z.array(z.object({ id: z.string() }).passthrough()) });

/** GET {baseUrl}/models: the model ids the endpoint offers, and how long it took to answer. */
export async function listModels(options: { endpoint: LlmEndpoint } & CallOptions): Promise<{ models: string[]; latencyMs: number }> {
  const res = await providerRequest(options.endpoint, "models", { method: "GET" }, options);
  const parsed = modelsSchema.safeParse(res.body);
  if (!parsed.success) throw new LlmCallError(`${options.endpoint.baseUrl}/models did not answer with { data: [{ id }] }`, "malformed", res.status, res.attempts, res.totalMs);
  return { models: parsed.data.data.map((m) => m.id), latencyMs: res.latencyMs };
}
