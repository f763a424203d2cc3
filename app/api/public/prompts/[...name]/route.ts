// GET /api/public/prompts/{name} – the version behind a label (default production), or a version, with the canary chosen per sticky key
import { withApiKey } from "@/lib/auth/with-api-key";
import { env } from "@/lib/env";
import { json, matchesIfNoneMatch } from "@/lib/http";
import { fetchPrompt } from "@/lib/prompts/fetch/fetch-prompt";
import { promptFetchParams, promptFetchQuery } from "@/lib/schemas/prompt-fetch";

export const GET = withApiKey({ scope: "secret", params: promptFetchParams, query: promptFetchQuery }, async ({ req, key, params, query }) => {
  // bench/prompts compares against reading Postgres every time; never honoured outside bench mode.
  const useCache = !(env().PHAROS_BENCH_MODE && req.headers.get("x-pharos-bench-cache") === "off");
  const { prompt, etag } = await fetchPrompt({ projectId: key.projectId, name: params.name, ...query, useCache });
  const headers = { etag, "cache-control": "private, no-cache" };
  if (matchesIfNoneMatch(req, etag)) return new Response(null, { status: 304, headers });
  return json(prompt, 200, headers);
});
