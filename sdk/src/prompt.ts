import { renderTemplate, templateVariables, type TemplateProblem } from "./template.js";

export type ChatMessage = { role: string; content: string; [field: string]: unknown };
/** A chat prompt's entry: a message, or a named slot for a list of messages (history). */
export type ChatTemplateItem = ChatMessage | { type: "placeholder"; name: string };

/** What `compile()` throws when it cannot produce the full prompt: it names every missing variable at once. */
export class PromptCompileError extends Error {
  constructor(
    message: string,
    readonly missing: string[],
    readonly unsupported: string[],
  ) {
    super(message);
    this.name = "PromptCompileError";
  }
}

export type PromptData = {
  name: string;
  /** null for a fallback prompt, which came from your code, not from Pharos. */
  version: number | null;
  config: Record<string, unknown>;
  labels: string[];
  canary: boolean;
  isFallback: boolean;
};

// Lets observeOpenAI link a call to the prompt whose compiled messages it was given.
const compiledFrom = new WeakMap<object, PromptData>();

/** The prompt whose `compile()` returned these messages, if any. */
export function promptOfMessages(messages: unknown): PromptData | undefined {
  return typeof messages === "object" && messages !== null ? compiledFrom.get(messages) : undefined;
}

abstract class BasePrompt implements PromptData {
  readonly name: string;
  readonly version: number | null;
  readonly config: Record<string, unknown>;
  readonly labels: string[];
  readonly canary: boolean;
  readonly isFallback: boolean;

  constructor(data: PromptData) {
    this.name = data.name;
    this.version = data.version;
    this.config = data.config;
    this.labels = data.labels;
    this.canary = data.canary;
    this.isFallback = data.isFallback;
  }

  protected fail(problem: TemplateProblem, missingPlaceholders: string[] = []): void {
    if (!problem.missing.length && !problem.unsupported.length && !missingPlaceholders.length) return;
    const what = `prompt "${this.name}"${this.version === null ? " (fallback)" : ` version ${this.version}`}`;
    const parts = [
      problem.missing.length ? `missing variable${problem.missing.length > 1 ? "s" : ""}: ${problem.missing.join(", ")}` : "",
      missingPlaceholders.length ? `missing placeholder${missingPlaceholders.length > 1 ? "s" : ""}: ${missingPlaceholders.join(", ")}` : "",
      problem.unsupported.length ? `unsupported template (partials or a syntax error): ${problem.unsupported.join(" ")}` : "",
    ].filter(Boolean);
    throw new PromptCompileError(`Cannot compile ${what}: ${parts.join("; ")}`, [...problem.missing, ...missingPlaceholders], problem.unsupported);
  }
}

export class TextPrompt extends BasePrompt {
  readonly type = "text" as const;
  constructor(data: PromptData, readonly template: string) {
    super(data);
  }

  get variables(): string[] {
    return templateVariables(this.template);
  }

  /** The template with every `{{variable}}` filled in; throws PromptCompileError naming any that are missing. */
  compile(variables: Record<string, unknown> = {}): string {
    const problem: TemplateProblem = { missing: [], unsupported: [] };
    const out = renderTemplate(this.template, variables, problem);
    this.fail(problem);
    return out;
  }
}

export class ChatPrompt extends BasePrompt {
  readonly type = "chat" as const;
  constructor(data: PromptData, readonly template: ChatTemplateItem[]) {
    super(data);
  }

  get variables(): string[] {
    const names = this.template.flatMap((m) => ("content" in m && typeof m.content === "string" ? templateVariables(m.content) : []));
    return [...new Set(names)];
  }

  /**
   * The messages with every `{{variable}}` filled in and each placeholder replaced by the
   * messages given for it; throws PromptCompileError naming anything missing.
   */
  compile(variables: Record<string, unknown> = {}, placeholders: Record<string, ChatMessage[]> = {}): ChatMessage[] {
    const problem: TemplateProblem = { missing: [], unsupported: [] };
    const missingPlaceholders: string[] = [];
    const out: ChatMessage[] = [];
    for (const item of this.template) {
      if ("type" in item && item.type === "placeholder" && !("role" in item)) {
        const filled = placeholders[item.name];
        if (Array.isArray(filled)) out.push(...filled);
        else missingPlaceholders.push(item.name);
        continue;
      }
      const message = item as ChatMessage;
      out.push(typeof message.content === "string" ? { ...message, content: renderTemplate(message.content, variables, problem) } : { ...message });
    }
    this.fail(problem, missingPlaceholders);
    compiledFrom.set(out, this);
    return out;
  }
}

export type Prompt = TextPrompt | ChatPrompt;
