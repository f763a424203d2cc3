import { QueryClient } from "@tanstack/react-query";

/** One QueryClient per browser session; data stays fresh for 30 s before refetching. */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: (count, error) => count < 2 && !(error instanceof ApiError && error.status < 500) },
    },
  });
}

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

/** fetch → JSON, turning `{ error: { code, message } }` answers into ApiError. */
export async function apiFetch<T>(url: string, init?: RequestInit & { json?: unknown }): Promise<T> {
  const { json: body, ...rest } = init ?? {};
  const res = await fetch(url, {
    ...rest,
    headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...rest.headers },
    body: body === undefined ? rest.body : JSON.stringify(body),
  });
  const data = res.headers.get("content-type")?.includes("application/json") ? await res.json() : null;
  if (!res.ok) {
    throw new ApiError(res.status, data?.error?.code ?? "HTTP_ERROR", data?.error?.message ?? `Request failed (${res.status})`);
  }
  return data as T;
}
