import { OutboundBlockedError, outboundFetch } from "../security/outbound";
import { parseRetryAfter, retryDelayMs } from "../llm/retry-policy";

/**
 * Any OpenAI-compatible embeddings endpoint: POST {baseUrl}/embeddings with
 * { model, input: string[] } → { data: [{ index, embedding: number[] }] }. The base URL is
 * the API root (e.g. https://api.openai.com/v1). 429 and 5xx are retried with backoff
 * (Retry-After honoured, bounded); 401/403 and other 4xx are not, since retrying cannot help.
 * Errors never include the API key.
 */
export type ProviderConfig = { baseUrl: string; model: string; apiKey: string | null };

export class ProviderError extends Error {
  constructor(message: string, readonly status: number | null, readonly retryable: boolean) {
    super(message);
  }
}

export type EmbedOptions = { maxAttempts?: number; baseDelayMs?: number; maxDelayMs?: number; timeoutMs?: number; expectedDimension?: number | null };

export async function embedWithProvider(options: { config: ProviderConfig; texts: readonly string[] } & EmbedOptions): Promise<number[][]> {
  const { config, texts } = options;
  const url = `${config.baseUrl.replace(/\/+$/, "")}/embeddings`;
  const maxAttempts = options.maxAttempts ?? 4;
  let lastError: ProviderError | null = null;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    let res: Response;
    try {
      res = await outboundFetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", ...(config.apiKey ? { authorization: `Bearer ${config.apiKey}` } : {}) },
        body: JSON.stringify({ model: config.model, input: texts, encoding_format: "float" }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      });
    } catch (error) {
      if (error instanceof OutboundBlockedError) throw new ProviderError(`embeddings provider refused: ${error.message}`, null, false);
      lastError = new ProviderError(`embeddings request to ${url} failed: ${(error as Error).message}`, null, true);
      await sleep(backoff(attempt, null, options));
      continue;
    }
    if (res.ok) return parseResponse(await res.json().catch(() => null), texts.length, url, options.expectedDimension ?? null);
    const detail = await errorDetail(res);
    if (res.status === 401 || res.status === 403) throw new ProviderError(`embeddings provider at ${url} rejected the API key (${res.status})${detail}`, res.status, false);
    const retryable = res.status === 429 || res.status >= 500;
    lastError = new ProviderError(`embeddings provider at ${url} answered ${res.status}${detail}`, res.status, retryable);
    if (!retryable) throw lastError;
    if (attempt < maxAttempts) await sleep(backoff(attempt, res.headers.get("retry-after"), options));
  }
  throw new ProviderError(`${lastError!.message} (gave up after ${maxAttempts} attempts)`, lastError!.status, true);
}

function parseResponse(body: unknown, count: number, url: string, expected: number | null): number[][] {
  const data = (body as { data?: unknown } | null)?.data;
  if (!Array.isArray(data) || data.length !== count) throw new ProviderError(`embeddings provider at ${url} returned ${Array.isArray(data) ? data.length : "no"} vectors for ${count} texts`, null, false);
  const out = new Array<number[]>(count);
  data.forEach((item: { index?: unknown; embedding?: unknown }, i) => {
    const index = typeof item?.index === "number" ? item.index : i;
    const v = item?.embedding;
    if (!Array.isArray(v) || v.length === 0 || !v.every((x) => typeof x === "number" && Number.isFinite(x))) {
      throw new ProviderError(`embeddings provider at ${url} returned a malformed vector at index ${index}`, null, false);
    }
    out[index] = v as number[];
  });
  const dim = expected ?? out[0]!.length;
  const wrong = out.findIndex((v) => !v || v.length !== dim);
  if (wrong >= 0) throw new ProviderError(`embeddings provider at ${url} returned a vector of dimension ${out[wrong]?.length ?? 0} at index ${wrong}; expected ${dim}`, null, false);
  return out;
}

async function errorDetail(res: Response): Promise<string> {
  const text = (await res.text().catch(() => "")).slice(0, 300);
  try {
    const message = (JSON.parse(text) as { error?: { message?: string } }).error?.message;
    return message ? `: ${message}` : "";
  } catch {
    return text ? `: ${text}` : "";
  }
}

/** The shared provider retry policy (lib/llm/retry-policy.ts): Retry-After wins, else exponential backoff, both capped. */
function backoff(attempt: number, retryAfter: string | null, o: EmbedOptions): number {
  const policy = { maxAttempts: o.maxAttempts ?? 4, baseDelayMs: o.baseDelayMs ?? 500, maxDelayMs: o.maxDelayMs ?? 20_000 };
  return retryDelayMs(attempt, parseRetryAfter(retryAfter), policy);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
