import { gunzip } from "node:zlib";
import { promisify } from "node:util";
import { AppError } from "../errors";

const gunzipAsync = promisify(gunzip);

export const MAX_BODY_BYTES = Number(process.env.PHAROS_INGEST_MAX_BODY_BYTES ?? 5 * 1024 * 1024);
export const MAX_INFLATED_BYTES = Number(process.env.PHAROS_INGEST_MAX_INFLATED_BYTES ?? 20 * 1024 * 1024);

const tooLarge = (what: string, limit: number) => new AppError("PAYLOAD_TOO_LARGE", `${what} exceeds ${limit} bytes`);

/**
 * Reads a request body with both limits enforced while streaming: the bytes on the wire
 * (before gzip) and the inflated size (after), so a gzip bomb cannot exhaust memory.
 */
export async function readBody(req: Request): Promise<Buffer> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw tooLarge("Request body", MAX_BODY_BYTES);
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (req.body) {
    const reader = req.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > MAX_BODY_BYTES) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge("Request body", MAX_BODY_BYTES);
      }
      chunks.push(value);
    }
  }
  const raw = Buffer.concat(chunks);
  const encoding = (req.headers.get("content-encoding") ?? "identity").trim().toLowerCase();
  if (encoding === "identity" || encoding === "") return raw;
  if (encoding !== "gzip") throw new AppError("UNSUPPORTED_MEDIA_TYPE", `Unsupported content-encoding '${encoding}'; use gzip or none`);
  try {
    return await gunzipAsync(raw, { maxOutputLength: MAX_INFLATED_BYTES });
  } catch (error) {
    if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw tooLarge("Decompressed body", MAX_INFLATED_BYTES);
    throw new AppError("INVALID", `Body is not valid gzip: ${(error as Error).message}`);
  }
}

/** Parses a JSON body read with readBody. */
export function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString("utf8"));
  } catch (error) {
    throw new AppError("INVALID_JSON", `Request body is not valid JSON: ${(error as Error).message}`);
  }
}
