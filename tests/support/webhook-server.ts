// A real alert-webhook receiver on 127.0.0.1 (the integration env allows that host outbound).
import http from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedWebhook = { body: { text: string; pharos: { kind: string; ruleId: string; eventId: string; measure: string; value: number | null } } };

/** Records every POST body; can answer 500 to its next N requests to exercise retries. */
export function webhookServer() {
  const received: ReceivedWebhook[] = [];
  let failNext = 0;
  const server = http.createServer((req, res) => {
    let data = "";
    req.on("data", (c) => (data += c));
    req.on("end", () => {
      received.push({ body: JSON.parse(data) });
      if (failNext > 0) {
        failNext--;
        res.writeHead(500).end("boom");
      } else res.writeHead(200).end("ok");
    });
  });
  return {
    received,
    failNextRequests: (n: number) => (failNext = n),
    start: () => new Promise<string>((r) => server.listen(0, "127.0.0.1", () => r(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`))),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
