// A fake GitHub REST API on 127.0.0.1: answers GET /user/emails for the access tokens it knows,
// the way api.github.com does for an OAuth token with the user:email scope.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type GitHubEmail = { email: string; primary: boolean; verified: boolean; visibility?: string | null };

export function fakeGitHub() {
  const emailsByToken = new Map<string, GitHubEmail[]>();
  const requests: { path: string; authorization: string | undefined }[] = [];
  const server = http.createServer((req, res) => {
    requests.push({ path: req.url ?? "", authorization: req.headers.authorization });
    const token = (req.headers.authorization ?? "").replace(/^(Bearer|token) /i, "");
    if (req.method !== "GET" || req.url !== "/user/emails") return void res.writeHead(404, { "content-type": "application/json" }).end('{"message":"Not Found"}');
    const emails = emailsByToken.get(token);
    if (!emails) return void res.writeHead(401, { "content-type": "application/json" }).end('{"message":"Bad credentials"}');
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(emails));
  });
  return {
    requests,
    /** What /user/emails answers for this access token. */
    setEmails: (token: string, emails: GitHubEmail[]) => emailsByToken.set(token, emails),
    start: () => new Promise<string>((r) => server.listen(0, "127.0.0.1", () => r(`http://127.0.0.1:${(server.address() as AddressInfo).port}`))),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
