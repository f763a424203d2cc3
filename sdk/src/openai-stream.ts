import type { Generation } from "./observation.js";
import { responseModel, StreamAssembler, usageFrom } from "./openai-mapping.js";
import type { Usage } from "./types.js";

export type Finish = (fields: { output?: unknown; model?: string; usage?: Usage; error?: unknown; abandoned?: boolean }) => void;

/**
 * Observes a streamed chat completion without changing what the caller receives. openai's
 * Stream reads its chunks through an `iterator` factory (iteration, tee() and
 * toReadableStream() all use it), so wrapping that factory on the instance sees every chunk
 * whichever way the caller consumes it; objects without one get their async iterator wrapped.
 */
export function observeStream<S extends object>(stream: S, generation: Generation, finish: Finish): S {
  const target = stream as unknown as { iterator?: () => AsyncIterator<unknown>; [Symbol.asyncIterator]?: () => AsyncIterator<unknown> };
  if (typeof target.iterator === "function") {
    const original = target.iterator.bind(stream);
    target.iterator = () => record(original(), generation, finish);
  } else if (typeof target[Symbol.asyncIterator] === "function") {
    const original = target[Symbol.asyncIterator]!.bind(stream);
    Object.defineProperty(stream, Symbol.asyncIterator, { configurable: true, writable: true, value: () => record(original(), generation, finish) });
  }
  return stream;
}

async function* record(source: AsyncIterator<unknown>, generation: Generation, finish: Finish): AsyncGenerator<unknown, void, undefined> {
  const assembler = new StreamAssembler();
  let model: string | undefined;
  let usage: Usage | undefined;
  let done = false;
  try {
    for (;;) {
      const next = await source.next();
      if (next.done) break;
      const chunk = next.value;
      observeChunk(chunk);
      yield chunk;
    }
    done = true;
    finish({ output: assembler.message(), model, usage });
  } catch (error) {
    done = true;
    finish({ output: assembler.message(), model, usage, error });
    throw error;
  } finally {
    // Reached without `done` only when the caller stopped early (break/return): end the
    // generation with what arrived, and let the source close its connection.
    if (!done) {
      finish({ output: assembler.message(), model, usage, abandoned: true });
      await source.return?.();
    }
  }

  function observeChunk(chunk: unknown) {
    try {
      if (assembler.add(chunk)) generation.update({ completionStartTime: new Date() });
      model = responseModel(chunk) ?? model;
      const u = (chunk as { usage?: unknown } | null)?.usage;
      if (u) usage = usageFrom(u);
    } catch {
      // Recording must never disturb the stream the caller is reading.
    }
  }
}
