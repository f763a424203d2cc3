/**
 * The synthetic week of LLM calls: one project, five models, two environments, a prompt
 * whose v2 rolls out over the week, a daily traffic cycle with quieter weekends,
 * log-normal latency per model, TTFT on streamed calls, ~3 % errors, tokens and cost.
 * Rows are produced in time order (as ingest would write them) and encoded into binary
 * COPY chunks as they are generated, so memory stays flat whatever the span count.
 */
import { CopyEncoder } from "./copy-encoder";
import { seededRng } from "../../lib/drift/math/rng";

/** Prices in USD per million tokens, as list prices; cost columns are numeric(20,10). */
const MODELS = [
  { model: "gpt-4o", provider: "openai", share: 0.3, medianMs: 1800, sigma: 0.7, input: 2.5, output: 10 },
  { model: "gpt-4o-mini", provider: "openai", share: 0.3, medianMs: 900, sigma: 0.6, input: 0.15, output: 0.6 },
  { model: "claude-sonnet-4", provider: "anthropic", share: 0.15, medianMs: 2600, sigma: 0.75, input: 3, output: 15 },
  { model: "claude-3-5-haiku", provider: "anthropic", share: 0.15, medianMs: 1100, sigma: 0.6, input: 0.8, output: 4 },
  { model: "gemini-2.0-flash", provider: "google", share: 0.1, medianMs: 700, sigma: 0.8, input: 0.1, output: 0.4 },
] as const;
const ERROR_MESSAGES = ["429 rate limit exceeded", "upstream timeout", "500 internal error", "context length exceeded"];
const USERS = 20_000;
const DAY = 86_400_000;
const MINUTE = 60_000;

/** Column order of the COPY statement below; the rest take their defaults. */
export const COPY_SQL = `copy spans (project_id, trace_id, id, parent_id, kind, name, start_time, end_time, latency_ms, ttft_ms,
  model, provider, input_tokens, output_tokens, total_tokens, input_cost, output_cost, total_cost, price_source,
  level, status_message, user_id, environment, release, prompt_name, prompt_version, trace_name) from stdin with (format binary, freeze)`;
const FIELDS = 27;


/** Relative traffic in a minute: peak mid-afternoon UTC, trough at night, weekends at 70 %. */
function trafficWeight(minuteStartMs: number): number {
  const d = new Date(minuteStartMs);
  const hour = d.getUTCHours() + d.getUTCMinutes() / 60;
  const weekend = d.getUTCDay() === 0 || d.getUTCDay() === 6 ? 0.7 : 1;
  return (1 + 0.6 * Math.sin((2 * Math.PI * (hour - 9)) / 24)) * weekend;
}

export type DatasetOptions = { projectId: string; spans: number; end: number; days: number; onProgress?: (rows: number) => void };

/** Binary COPY chunks (≈4 MB each) for `spans` LLM spans in [end − days, end). */
export function* spanCopyChunks(o: DatasetOptions): Generator<Buffer> {
  const random = seededRng(20261125);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const hex8 = () => ((random() * 4294967296) >>> 0).toString(16).padStart(8, "0");
  const start = o.end - o.days * DAY;
  const minutes = Math.round((o.end - start) / MINUTE);
  let totalWeight = 0;
  for (let m = 0; m < minutes; m++) totalWeight += trafficWeight(start + m * MINUTE);

  const enc = new CopyEncoder();
  let emitted = 0;
  let cumulative = 0;
  let traceId = "";
  for (let m = 0; m < minutes; m++) {
    const minuteStart = start + m * MINUTE;
    cumulative += trafficWeight(minuteStart);
    // Rounding the running target (not each minute) makes the total exactly `spans`.
    const upto = m === minutes - 1 ? o.spans : Math.round((o.spans * cumulative) / totalWeight);
    const v2Share = Math.min(0.9, (0.15 * m) / (24 * 60));
    for (; emitted < upto; emitted++) {
      let pick = random();
      const model = MODELS.find((x) => (pick -= x.share) < 0) ?? MODELS[0];
      const isError = random() < 0.03;
      const latency = model.medianMs * Math.exp(model.sigma * normal());
      const streamed = random() < 0.85;
      const ttft = streamed ? latency * (0.08 + 0.3 * random()) : null;
      const inputTokens = Math.round(Math.min(120_000, 900 * Math.exp(0.8 * normal())));
      const outputTokens = isError ? 0 : Math.round(Math.min(8_000, 250 * Math.exp(0.7 * normal())));
      // Cost as integer units of 1e-10 USD: price per million tokens × 1e4 per token.
      const inputCost = inputTokens * Math.round(model.input * 1e4);
      const outputCost = outputTokens * Math.round(model.output * 1e4);
      const t0 = minuteStart + random() * MINUTE;
      if (!traceId || random() < 0.5) traceId = hex8() + hex8() + hex8() + hex8();
      const promptVersion = random() < v2Share ? 2 : 1;

      enc.row(FIELDS).text(o.projectId).text(traceId).text(hex8() + emitted.toString(16).padStart(8, "0")).null()
        .text("llm").text("chat").timestamptz(t0).timestamptz(t0 + latency).float8(latency).float8(ttft)
        .text(model.model).text(model.provider).int4(inputTokens).int4(outputTokens).int4(inputTokens + outputTokens)
        .numeric10(inputCost).numeric10(outputCost).numeric10(inputCost + outputCost).text("list")
        .text(isError ? "ERROR" : "DEFAULT").text(isError ? ERROR_MESSAGES[emitted % ERROR_MESSAGES.length]! : null)
        .text(`user-${Math.floor(USERS * random() ** 2)}`).text(random() < 0.85 ? "production" : "staging")
        .text(promptVersion === 2 ? "2026.11.2" : "2026.11.1").text("support-answer").int4(promptVersion).text("support-chat");
      if (enc.full) yield enc.take();
      if ((emitted + 1) % 1_000_000 === 0) o.onProgress?.(emitted + 1);
    }
  }
  yield enc.finish();
}
