// Real HTTP servers on 127.0.0.1 for the SDK tests: a fault-injecting proxy in front of
// Pharos and a fake OpenAI-compatible chat completions API.
import http from "node:http";
import type { AddressInfo } from "node:net";

export const FIRST_CHUNK_DELAY_MS = 300;

export type Recorded = { path: string; body: string; authorization: string | undefined };

/** A real HTTP hop in front of Pharos that can refuse or lose requests on demand. */
export type FaultyProxy = {
  url: string;
  posts: Recorded[];
  forwarded: number;
  /** Answer this many next POSTs with 503 without forwarding them. */
  fail503: number;
  retryAfter: string;
  /** Forward this many next POSTs, then destroy the socket instead of answering. */
  dropAfterForward: number;
  reset(): void;
  close(): Promise<void>;
};

async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function close(server: http.Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startProxy(target: string): Promise<FaultyProxy> {
  const server = http.createServer(async (req, res) => {
    const body = await readBody(req);
    const isPost = req.method === "POST";
    if (isPost) proxy.posts.push({ path: req.url ?? "", body, authorization: req.headers.authorization });
    if (isPost && proxy.fail503 > 0) {
      proxy.fail503--;
      res.writeHead(503, { "content-type": "application/json", "retry-after": proxy.retryAfter });
      res.end(JSON.stringify({ error: { code: "UNAVAILABLE", message: "proxy is refusing on purpose" } }));
      return;
    }
    const upstream = await fetch(`${target}${req.url}`, {
      method: req.method,
      headers: { "content-type": req.headers["content-type"] ?? "application/json", authorization: req.headers.authorization ?? "" },
      body: isPost ? body : undefined,
    });
    const answer = Buffer.from(await upstream.arrayBuffer());
    if (isPost) proxy.forwarded++;
    if (isPost && proxy.dropAfterForward > 0) {
      proxy.dropAfterForward--;
      req.socket.destroy(); // stored upstream, but the client never hears so
      return;
    }
    const headers: Record<string, string> = { "content-type": upstream.headers.get("content-type") ?? "application/json" };
    const retryAfter = upstream.headers.get("retry-after");
    if (retryAfter) headers["retry-after"] = retryAfter;
    res.writeHead(upstream.status, headers);
    res.end(answer);
  });
  const proxy: FaultyProxy = {
    url: await listen(server),
    posts: [],
    forwarded: 0,
    fail503: 0,
    retryAfter: "0",
    dropAfterForward: 0,
    reset() {
      this.posts = [];
      this.forwarded = 0;
      this.fail503 = 0;
      this.retryAfter = "0";
      this.dropAfterForward = 0;
    },
    close: () => close(server),
  };
  return proxy;
}

const completion = (model: string, content: string) => ({
  id: "chatcmpl-fake", object: "chat.completion", created: 1_700_000_000, model,
  choices: [{ index: 0, message: { role: "assistant", content, refusal: null }, finish_reason: "stop", logprobs: null }],
  usage: { prompt_tokens: 1200, completion_tokens: 300, total_tokens: 1500, prompt_tokens_details: { cached_tokens: 200 }, completion_tokens_details: { reasoning_tokens: 40 } },
});

const chunk = (model: string, delta: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  id: "chatcmpl-fake-stream", object: "chat.completion.chunk", created: 1_700_000_000, model,
  choices: [{ index: 0, delta, finish_reason: null, logprobs: null }], ...extra,
});

type ChatBody = { model: string; messages?: { role: string; content: unknown }[]; stream?: boolean; stream_options?: { include_usage?: boolean } };

/**
 * POST /v1/chat/completions like OpenAI: JSON, or SSE with a slow first token and a usage chunk.
 * `answer` picks the non-streamed reply from the request (default: a fixed sentence); every request
 * body received is kept in `requests`.
 */
export async function startFakeOpenAI(options: { answer?: (body: ChatBody) => string } = {}): Promise<{ url: string; requests: ChatBody[]; close: () => Promise<void> }> {
  const requests: ChatBody[] = [];
  const server = http.createServer(async (req, res) => {
    const body = JSON.parse(await readBody(req)) as ChatBody;
    requests.push(body);
    if (req.url !== "/v1/chat/completions" || body.model === "no-such-model") {
      res.writeHead(400, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: `The model '${body.model}' does not exist`, type: "invalid_request_error", code: "model_not_found" } }));
      return;
    }
    const model = `${body.model}-2024-07-18`;
    if (!body.stream) {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(completion(model, options.answer?.(body) ?? "Refunds are under Settings → Billing.")));
      return;
    }
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    const send = (data: unknown) => res.write(`data: ${JSON.stringify(data)}\n\n`);
    send(chunk(model, { role: "assistant", content: "" })); // no content yet: must not count as the first token
    await new Promise((r) => setTimeout(r, FIRST_CHUNK_DELAY_MS));
    for (const piece of ["Refunds are ", "under Settings", " → Billing."]) send(chunk(model, { content: piece }));
    send({ ...chunk(model, {}), choices: [{ index: 0, delta: {}, finish_reason: "stop", logprobs: null }] });
    if (body.stream_options?.include_usage) {
      send({ ...chunk(model, {}), choices: [], usage: { prompt_tokens: 900, completion_tokens: 12, total_tokens: 912, prompt_tokens_details: { cached_tokens: 0 } } });
    }
    res.end("data: [DONE]\n\n");
  });
  const url = await listen(server);
  return { url, requests, close: () => close(server) };
}
