"use client";
import { Wrench } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { type ChatMessageView, type ChatPart, toChatMessages } from "./chat-model";
import { JsonView } from "./json-view";
import { RichText } from "./rich-text";

const ROLE_STYLE: Record<string, string> = {
  system: "border-zinc-300 bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900",
  developer: "border-zinc-300 bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900",
  user: "border-sky-200 bg-sky-50 dark:border-sky-900 dark:bg-sky-950/40",
  human: "border-sky-200 bg-sky-50 dark:border-sky-900 dark:bg-sky-950/40",
  assistant: "border-indigo-200 bg-indigo-50 dark:border-indigo-900 dark:bg-indigo-950/40",
  ai: "border-indigo-200 bg-indigo-50 dark:border-indigo-900 dark:bg-indigo-950/40",
  model: "border-indigo-200 bg-indigo-50 dark:border-indigo-900 dark:bg-indigo-950/40",
  tool: "border-amber-200 bg-amber-50 dark:border-amber-900 dark:bg-amber-950/40",
  function: "border-amber-200 bg-amber-50 dark:border-amber-900 dark:bg-amber-950/40",
};

export function ChatView({ messages }: { messages: ChatMessageView[] }) {
  return (
    <div className="space-y-2" data-testid="chat-view">
      {messages.map((m, i) => <ChatMessage key={i} message={m} />)}
    </div>
  );
}

function ChatMessage({ message: m }: { message: ChatMessageView }) {
  return (
    <div data-testid="chat-message" data-role={m.role} className={cn("rounded-md border px-3 py-2 text-sm", ROLE_STYLE[m.role] ?? ROLE_STYLE.system)}>
      <div className="mb-1 flex flex-wrap items-center gap-2 text-[11px] font-semibold uppercase tracking-wide text-zinc-500">
        <span>{m.role}</span>
        {m.name && <span className="normal-case text-zinc-400">{m.name}</span>}
        {m.toolCallId && <span className="font-mono normal-case text-zinc-400">result of {m.toolCallId}</span>}
      </div>
      <div className="space-y-2">
        {m.parts.map((p, i) => <Part key={i} part={p} />)}
        {m.toolCalls.map((c, i) => (
          <div key={i} data-testid="tool-call" className="rounded border border-amber-200 bg-white/70 p-2 dark:border-amber-900 dark:bg-zinc-900/60">
            <div className="mb-1 flex items-center gap-1.5 text-xs font-medium">
              <Wrench className="h-3.5 w-3.5 text-amber-600" />
              <span className="font-mono">{c.name}</span>
              {c.id && <span className="font-mono text-zinc-400">{c.id}</span>}
            </div>
            {typeof c.arguments === "string" ? <pre className="whitespace-pre-wrap break-words font-mono text-xs"><RichText text={c.arguments} /></pre> : <JsonView value={c.arguments} />}
          </div>
        ))}
        {m.parts.length === 0 && m.toolCalls.length === 0 && <p className="text-xs italic text-zinc-400">(empty)</p>}
      </div>
    </div>
  );
}

function Part({ part }: { part: ChatPart }) {
  if (part.type === "text") return <p className="leading-relaxed"><RichText text={part.text} /></p>;
  // Image URLs are shown as text: loading them would let trace content make requests from the viewer's browser.
  if (part.type === "image") return <p className="text-xs text-zinc-500">[image] <RichText className="break-all font-mono" text={part.url.length > 200 ? `${part.url.slice(0, 200)}…` : part.url} /></p>;
  return <JsonView value={part.value} />;
}

/** Any stored input/output: chat when it is chat-shaped, text when it is a string, else a JSON tree. */
export function ValueView({ value, defaultRole, testId }: { value: unknown; defaultRole?: string; testId?: string }) {
  if (value === null || value === undefined) return <p className="text-xs italic text-zinc-400" data-testid={testId}>(none)</p>;
  const messages = toChatMessages(value, defaultRole);
  return (
    <div data-testid={testId}>
      {messages ? (
        <ChatView messages={messages} />
      ) : typeof value === "string" ? (
        <div className="whitespace-pre-wrap break-words rounded-md bg-zinc-50 p-2 text-sm dark:bg-zinc-950"><RichText text={value} /></div>
      ) : (
        <JsonView value={value} />
      )}
    </div>
  );
}
