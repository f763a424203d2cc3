import { gunzip } from "node:zlib";
import { promisify } from "node:util";
import { env } from "../env";
import { assertJsonDepth } from "../text/json-depth";
import { AppError } from "../errors";

const gunzipAsync = promisify(gunzip);


const tooLarge = (what: string, limit: number) => new AppError("PAYLOAD_TOO_LARGE", `${what} exceeds ${limit} bytes`);

/**
 * Reads a request body with both limits enforced while streaming: the bytes on the wire
 * (before gzip) and the inflated size (after), so a gzip bomb cannot exhaust memory.
 */
export async function readBody(req: Request): Promise<Buffer> {
  const { PHAROS_INGEST_MAX_BODY_BYTES: maxBody, PHAROS_INGEST_MAX_INFLATED_BYTES: maxInflated } = env();
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBody) throw tooLarge("Request body", maxBody);
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (req.body) {
    const reader = req.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBody) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge("Request body", maxBody);
      }
      chunks.push(value);
    }
  }
  const raw = Buffer.concat(chunks);
  const encoding = (req.headers.get("content-encoding") ?? "identity").trim().toLowerCase();
  if (encoding === "identity" || encoding === "") return raw;
  if (encoding !== "gzip") throw new AppError("UNSUPPORTED_MEDIA_TYPE", `Unsupported content-encoding '${encoding}'; use gzip or none`);
  try {
    return await gunzipAsync(raw, { maxOutputLength: maxInflated });
  } catch (error) {
    if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw tooLarge("Decompressed body", maxInflated);
    throw new AppError("INVALID", `Body is not valid gzip: ${(error as Error).message}`);
  }
}

/** Parses a JSON body read with readBody. */
export function parseJson(bytes: Buffer): unknown {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString("utf8"));
  } catch (error) {
    throw new AppError("INVALID_JSON", `Request body is not valid JSON: ${(error as Error).message}`);
  }
  assertJsonDepth(value);
  return value;
}
