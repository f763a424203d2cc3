import { randomBytes } from "node:crypto";

export const hex = (bytes: number) => randomBytes(bytes).toString("hex");

/** A two-span trace (chain → generation) in the batch API's event format. */
export function sampleTraceEvents(options: { traceId?: string; start?: Date; model?: string; input?: unknown; output?: unknown; level?: string; userId?: string } = {}) {
  const traceId = options.traceId ?? hex(16);
  const start = options.start ?? new Date(Date.now() - 60_000);
  const at = (ms: number) => new Date(start.getTime() + ms).toISOString();
  const rootId = hex(8);
  const genId = hex(8);
  return {
    traceId,
    rootId,
    genId,
    events: [
      { id: `e-${traceId}-t`, type: "trace", body: { id: traceId, name: "answer-question", userId: options.userId ?? "user-1", sessionId: "session-1", environment: "production", release: "v1.2.0", tags: ["support"] } },
      { id: `e-${rootId}`, type: "span", body: { id: rootId, traceId, name: "pipeline", startTime: at(0), endTime: at(1500), input: { question: "How do refunds work?" } } },
      {
        id: `e-${genId}`,
        type: "generation",
        body: {
          id: genId, traceId, parentId: rootId, name: "chat", startTime: at(100), endTime: at(1400), completionStartTime: at(400),
          model: options.model ?? "gpt-4o-mini", provider: "openai",
          input: options.input ?? [{ role: "system", content: "You are helpful." }, { role: "user", content: "How do refunds work?" }],
          output: options.output ?? { role: "assistant", content: "Refunds take 5 days." },
          usage: { input: 1200, output: 300 }, modelParameters: { temperature: 0.2 }, level: options.level ?? "DEFAULT",
          promptName: "support-answer", promptVersion: 2,
        },
      },
    ],
  };
}
