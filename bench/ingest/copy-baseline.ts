// The ceiling to compare against: binary COPY of the same span rows straight into `spans`.
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import copyBinary from "pg-copy-streams-binary";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import type { BenchSpan } from "./workload";

const ANSWER = "Refunds are issued to the original payment method within five business days. ".repeat(6);

/**
 * Cost columns are left NULL: pg-copy-streams-binary cannot encode `numeric`. That makes
 * the baseline slightly cheaper than our writes, i.e. the comparison is conservative.
 * Only `spans` is written (no trace summaries, no rollups), also in COPY's favour.
 */
export async function copySpans(databaseUrl: string, projectId: string, spans: BenchSpan[]): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const t0 = performance.now();
  const stream = client.query(
    copyFrom(`copy spans (project_id, trace_id, id, parent_id, kind, name, start_time, end_time, latency_ms, model, provider, input, output,
      input_tokens, output_tokens, total_tokens, level, environment, tags, flags, pii_masks) from stdin with (format binary)`) as never,
  ) as unknown as NodeJS.WritableStream;
  const rows = Readable.from(
    (function* () {
      for (const s of spans) {
        const llm = s.parentId !== null;
        const input = llm ? [{ role: "system", content: "You are a helpful support agent for an online store." }, { role: "user", content: s.question }] : { question: s.question };
        yield [
          { type: "text", value: projectId }, { type: "text", value: s.traceId }, { type: "text", value: s.spanId }, { type: "text", value: s.parentId },
          { type: "text", value: llm ? "llm" : "span" }, { type: "text", value: llm ? "chat" : "answer" },
          { type: "timestamptz", value: new Date(s.start) }, { type: "timestamptz", value: new Date(s.end) }, { type: "float8", value: s.end - s.start },
          { type: "text", value: llm ? s.model : null }, { type: "text", value: llm ? "openai" : null },
          { type: "jsonb", value: input }, { type: "jsonb", value: llm ? [{ role: "assistant", content: ANSWER }] : null },
          { type: "int4", value: llm ? 420 : null }, { type: "int4", value: llm ? 180 : null }, { type: "int4", value: llm ? 600 : null },
          { type: "text", value: "DEFAULT" }, { type: "text", value: "production" }, { type: "_text", value: [] }, { type: "_text", value: [] }, { type: "int4", value: 0 },
        ];
      }
    })(),
  );
  await pipeline(rows, copyBinary.rowWriter() as unknown as NodeJS.ReadWriteStream, stream);
  const ms = performance.now() - t0;
  await client.end();
  return ms;
}
