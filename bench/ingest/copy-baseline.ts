// The ceiling to compare against: binary COPY of the same span rows straight into `spans`.
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import copyBinary from "pg-copy-streams-binary";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import type { BenchSpan } from "./workload";

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
        yield [
          { type: "text", value: projectId }, { type: "text", value: s.traceId }, { type: "text", value: s.spanId }, { type: "text", value: s.parentId },
          { type: "text", value: s.llm ? "llm" : "span" }, { type: "text", value: s.llm ? "chat" : "answer" },
          { type: "timestamptz", value: new Date(s.start) }, { type: "timestamptz", value: new Date(s.end) }, { type: "float8", value: s.end - s.start },
          { type: "text", value: s.llm ? s.model : null }, { type: "text", value: s.llm ? "openai" : null },
          { type: "jsonb", value: s.input }, { type: "jsonb", value: s.output },
          { type: "int4", value: s.llm ? 420 : null }, { type: "int4", value: s.llm ? 180 : null }, { type: "int4", value: s.llm ? 600 : null },
          { type: "text", value: "DEFAULT" }, { type: "text", value: s.llm ? "production" : null }, { type: "_text", value: [] }, { type: "_text", value: [] }, { type: "int4", value: 0 },
        ];
      }
    })(),
  );
  await pipeline(rows, copyBinary.rowWriter() as unknown as NodeJS.ReadWriteStream, stream);
  const ms = performance.now() - t0;
  await client.end();
  return ms;
}
