const QUESTION_KEYS = ["question", "query", "input", "prompt", "text", "message"];

/** One line of a prompt for tables: the last message's text, the string, a question-like field, or compact JSON. */
export function promptPreview(prompt: unknown): string {
  if (typeof prompt === "string") return prompt.slice(0, 200);
  if (Array.isArray(prompt) && prompt.length) {
    const last = prompt[prompt.length - 1] as { content?: unknown };
    return typeof last?.content === "string" ? last.content.slice(0, 200) : JSON.stringify(last).slice(0, 200);
  }
  if (prompt && typeof prompt === "object") {
    const key = QUESTION_KEYS.find((k) => typeof (prompt as Record<string, unknown>)[k] === "string");
    if (key) return ((prompt as Record<string, string>)[key] ?? "").slice(0, 200);
  }
  return JSON.stringify(prompt ?? "").slice(0, 200);
}
