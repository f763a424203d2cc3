/** One line of a prompt for tables: the last message's text, the string, or compact JSON. */
export function promptPreview(prompt: unknown): string {
  if (typeof prompt === "string") return prompt.slice(0, 200);
  if (Array.isArray(prompt) && prompt.length) {
    const last = prompt[prompt.length - 1] as { content?: unknown };
    return typeof last?.content === "string" ? last.content.slice(0, 200) : JSON.stringify(last).slice(0, 200);
  }
  return JSON.stringify(prompt ?? "").slice(0, 200);
}
