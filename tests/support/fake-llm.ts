// A fake OpenAI-compatible provider: a real HTTP server on 127.0.0.1 (the integration env allows
// that host outbound). Deterministic: an answer is a pure function of the request and the rules a
// test scripted, so tests and benchmarks can assert exact outputs, tokens and costs.
//
//   const llm = await startFakeLlm({ models: ["gpt-4o-mini"] });
//   llm.script({ times: 1, reply: { status: 429, retryAfter: 1 } });      // first call: 429
//   llm.script({ when: { contains: "capital" }, reply: { content: "Paris" } }); // then by rule
//   ... `${llm.url}` is the API root, e.g. http://127.0.0.1:PORT/v1
import { createHash } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export type FakeMessage = { role: string; content: unknown };
export type FakeChatRequest = { model?: string; messages?: FakeMessage[]; [key: string]: unknown };

/** What one request gets. `content` is the assistant's text; the rest shape failure modes. */
export type FakeReply = {
  /** Assistant text; default: `echo: <last user message>`. */
  content?: string;
  /** An HTTP error status instead of a completion (e.g. 429, 500). */
  status?: number;
  /** Retry-After header value (seconds, or an HTTP date) for 429/503. */
  retryAfter?: number | string;
  /** A raw response body sent as is with status 200 (malformed JSON, wrong shape…). */
  rawBody?: string;
  /** Wait this long before answering (timeouts, latency benchmarks). */
  delayMs?: number;
  /** Override the computed usage. */
  usage?: { prompt_tokens: number; completion_tokens: number };
};

export type FakeRule = {
  /** Which requests the rule answers; all conditions must hold. Default: every chat completion. */
  when?: {
    path?: string;
    model?: string;
    /** Substring of the concatenated message contents. */
    contains?: string;
  };
  /** A fixed reply, or one computed from the request (still deterministic). */
  reply: FakeReply | ((request: FakeChatRequest) => FakeReply);
  /** Answer only this many requests, then the rule is spent (script "first call 429, then OK"). */
  times?: number;
};

export type RecordedRequest = {
  method: string; path: string; headers: http.IncomingHttpHeaders; body: FakeChatRequest | null; at: number;
  /** The client's port: requests on one kept-alive connection share it. */
  remotePort?: number;
  /** The completion a chat request got (set when it was answered with one): what a test prices a call by when replies depend on state such as a sample counter. */
  completion?: { content: string; usage: { prompt_tokens: number; completion_tokens: number } };
};

export type FakeLlmOptions = {
  models?: string[];
  /** When set, requests without `Authorization: Bearer <apiKey>` get 401. */
  apiKey?: string;
  /** Delay applied to every answer unless a rule says otherwise. */
  delayMs?: number;
};

/** Tokens as the fake counts them: one per 4 characters, rounded up (at least 1 for non-empty text). */
export function fakeTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

export function messageText(messages: FakeMessage[] | undefined): string {
  return (messages ?? []).map((m) => (typeof m.content === "string" ? m.content : JSON.stringify(m.content))).join("\n");
}

/** The default answer: a pure function of the last user message. */
export function defaultContent(request: FakeChatRequest): string {
  const user = [...(request.messages ?? [])].reverse().find((m) => m.role === "user");
  return `echo: ${typeof user?.content === "string" ? user.content : JSON.stringify(user?.content ?? "")}`;
}

/** A deterministic unit vector for a text (for /v1/embeddings): hashed, not meaningful. */
export function fakeEmbedding(text: string, dim = 8): number[] {
  const digest = createHash("sha256").update(text).digest();
  const v = Array.from({ length: dim }, (_, i) => digest[i % digest.length]! / 255 - 0.5);
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => x / norm);
}

export async function startFakeLlm(options: FakeLlmOptions = {}) {
  const rules: (FakeRule & { used: number })[] = [];
  const requests: RecordedRequest[] = [];
  const models = options.models ?? ["fake-model"];

  const pick = (path: string, body: FakeChatRequest | null): FakeReply | null => {
    const text = messageText(body?.messages);
    for (const rule of rules) {
      if (rule.times !== undefined && rule.used >= rule.times) continue;
      const w = rule.when ?? {};
      if ((w.path ?? "/v1/chat/completions") !== path) continue;
      if (w.model !== undefined && body?.model !== w.model) continue;
      if (w.contains !== undefined && !text.includes(w.contains)) continue;
      rule.used++;
      return typeof rule.reply === "function" ? rule.reply(body ?? {}) : rule.reply;
    }
    return null;
  };

  const server = http.createServer((req, res) => {
    let data = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => (data += c));
    req.on("end", () => {
      const path = (req.url ?? "/").split("?")[0]!;
      let body: FakeChatRequest | null = null;
      try {
        body = data ? (JSON.parse(data) as FakeChatRequest) : null;
      } catch {
        body = null;
      }
      const record: RecordedRequest = { method: req.method ?? "GET", path, headers: req.headers, body, at: Date.now(), remotePort: req.socket.remotePort };
      requests.push(record);
      const reply = pick(path, body) ?? {};
      const send = () => answer(req, res, record, reply);
      const delay = reply.delayMs ?? options.delayMs ?? 0;
      if (delay > 0) setTimeout(send, delay);
      else send();
    });
  });

  const answer = (req: http.IncomingMessage, res: http.ServerResponse, record: RecordedRequest, reply: FakeReply) => {
    const { path, body } = record;
    if (res.destroyed) return;
    const sendJson = (status: number, value: unknown, headers: Record<string, string> = {}) =>
      res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(value));
    if (options.apiKey !== undefined && req.headers.authorization !== `Bearer ${options.apiKey}`) {
      return sendJson(401, { error: { message: "Incorrect API key provided", type: "invalid_request_error" } });
    }
    if (reply.status !== undefined && reply.status >= 400) {
      const headers: Record<string, string> = reply.retryAfter === undefined ? {} : { "retry-after": String(reply.retryAfter) };
      return sendJson(reply.status, { error: { message: `fake provider answered ${reply.status}`, type: "fake_error" } }, headers);
    }
    if (reply.rawBody !== undefined) return res.writeHead(reply.status ?? 200, { "content-type": "application/json" }).end(reply.rawBody);
    if (req.method === "GET" && path === "/v1/models") {
      return sendJson(200, { object: "list", data: models.map((id) => ({ id, object: "model", created: 0, owned_by: "fake" })) });
    }
    if (req.method === "POST" && path === "/v1/embeddings") {
      const input = body?.input;
      const texts = Array.isArray(input) ? input.map(String) : [String(input ?? "")];
      const tokens = texts.reduce((n, t) => n + fakeTokens(t), 0);
      return sendJson(200, { object: "list", model: body?.model, data: texts.map((t, index) => ({ object: "embedding", index, embedding: fakeEmbedding(t) })), usage: { prompt_tokens: tokens, total_tokens: tokens } });
    }
    if (req.method === "POST" && path === "/v1/chat/completions") {
      if (!body || !Array.isArray(body.messages)) return sendJson(400, { error: { message: "messages is required", type: "invalid_request_error" } });
      const content = reply.content ?? defaultContent(body);
      const usage = reply.usage ?? { prompt_tokens: fakeTokens(messageText(body.messages)), completion_tokens: fakeTokens(content) };
      record.completion = { content, usage };
      return sendJson(200, {
        id: `chatcmpl-${createHash("sha256").update(JSON.stringify(body)).digest("hex").slice(0, 12)}`,
        object: "chat.completion",
        created: 0,
        model: body.model ?? models[0],
        choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
        usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
      });
    }
    sendJson(404, { error: { message: `no route ${req.method} ${path}`, type: "not_found" } });
  };

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    /** The API root to store as a connection's base URL. */
    url: `${origin}/v1`,
    requests,
    /** Adds a rule; earlier rules win. */
    script(rule: FakeRule) {
      rules.push({ ...rule, used: 0 });
    },
    /** Forgets all rules and recorded requests. */
    reset() {
      rules.length = 0;
      requests.length = 0;
    },
    /** Chat-completion requests only. */
    chatRequests: () => requests.filter((r) => r.path === "/v1/chat/completions"),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type FakeLlm = Awaited<ReturnType<typeof startFakeLlm>>;
