// TRL-compatible JSONL rows from decided pairs. Pure: the export streams pages through it.
import type { Choice, ExportOptions } from "../schemas/annotation";

export type ExportPair = { id: string; prompt: unknown; responseA: string; responseB: string; label: Choice };
type Message = { role: string; content: string };

function isMessages(value: unknown): value is Array<{ role: string; content: unknown }> {
  return Array.isArray(value) && value.every((m) => typeof m === "object" && m !== null && typeof (m as { role?: unknown }).role === "string");
}

const contentText = (content: unknown) => (typeof content === "string" ? content : JSON.stringify(content));

/** The prompt as one string (standard form): text as is, messages' contents joined, JSON encoded. */
export function promptText(prompt: unknown): string {
  if (typeof prompt === "string") return prompt;
  if (isMessages(prompt)) return prompt.map((m) => contentText(m.content)).join("\n\n");
  return JSON.stringify(prompt);
}

/** The prompt as chat messages (conversational form). */
export function promptMessages(prompt: unknown): Message[] {
  if (isMessages(prompt)) return prompt.map((m) => ({ role: m.role, content: contentText(m.content) }));
  return [{ role: "user", content: promptText(prompt) }];
}

const completion = (text: string, style: ExportOptions["style"]) => (style === "conversational" ? [{ role: "assistant", content: text }] : text);
const promptFor = (prompt: unknown, style: ExportOptions["style"]) => (style === "conversational" ? promptMessages(prompt) : promptText(prompt));

/**
 * The JSONL rows of one decided pair. DPO: `{ prompt, chosen, rejected }` when the final label
 * is A or B (ties and both-bad carry no preference). KTO: `{ prompt, completion, label }`, the
 * preferred response desirable and the other not; ties and both-bad give two undesirable rows
 * only when asked (`includeUndesirable`).
 */
export function exportRows(pair: ExportPair, options: Pick<ExportOptions, "format" | "style" | "includeUndesirable">): object[] {
  const { style } = options;
  const prompt = promptFor(pair.prompt, style);
  const meta = { pair_id: pair.id };
  if (pair.label === "A" || pair.label === "B") {
    const [chosen, rejected] = pair.label === "A" ? [pair.responseA, pair.responseB] : [pair.responseB, pair.responseA];
    if (options.format === "dpo") return [{ prompt, chosen: completion(chosen, style), rejected: completion(rejected, style), ...meta }];
    return [
      { prompt, completion: completion(chosen, style), label: true, ...meta },
      { prompt, completion: completion(rejected, style), label: false, ...meta },
    ];
  }
  if (options.format === "kto" && options.includeUndesirable) {
    return [pair.responseA, pair.responseB].map((text) => ({ prompt, completion: completion(text, style), label: false, ...meta }));
  }
  return [];
}
