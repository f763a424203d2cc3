import { type ChatMessageView, singleText, toChatMessages } from "@/components/traces/detail/chat-model";

const text = (role: string, t: string, name: string | null = null): ChatMessageView => ({ role, name, parts: [{ type: "text", text: t }], toolCalls: [], toolCallId: null });
const json = (role: string, value: unknown): ChatMessageView => ({ role, name: null, parts: [{ type: "json", value }], toolCalls: [], toolCallId: null });

/**
 * One trace as a conversation turn. A chat input usually repeats the whole history, so only the
 * messages after the last assistant reply (without the system prompt) are this turn's.
 */
export function turnMessages(input: unknown, output: unknown): { input: ChatMessageView[]; output: ChatMessageView[] } {
  return { input: side(input, "user", true), output: side(output, "assistant", false) };
}

function side(value: unknown, role: string, newOnly: boolean): ChatMessageView[] {
  if (value === null || value === undefined) return [];
  const chat = toChatMessages(value, role);
  if (chat) {
    if (!newOnly) return chat;
    let lastAssistant = -1;
    chat.forEach((m, i) => (m.role === "assistant" ? (lastAssistant = i) : undefined));
    const fresh = chat.slice(lastAssistant + 1).filter((m) => m.role !== "system" && m.role !== "developer");
    return fresh.length ? fresh : chat;
  }
  const single = singleText(value);
  if (single) return [text(role, single.text, single.label)];
  return [json(role, value)];
}
