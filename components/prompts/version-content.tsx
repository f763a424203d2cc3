import { Braces, Variable } from "lucide-react";
import { cn } from "@/components/ui/cn";
import type { PromptTemplate, PromptVersion } from "@/lib/queries/prompts/keys";
import { configText } from "./prepare-diff";

const ROLE_TONES: Record<string, string> = {
  system: "border-amber-200 bg-amber-50/70 dark:border-amber-900 dark:bg-amber-950/40",
  user: "border-indigo-200 bg-indigo-50/70 dark:border-indigo-900 dark:bg-indigo-950/40",
  assistant: "border-emerald-200 bg-emerald-50/70 dark:border-emerald-900 dark:bg-emerald-950/40",
};

/**
 * A template as text, never markup: React escapes every string, and nothing here uses
 * dangerouslySetInnerHTML. Chat prompts are message bubbles; placeholders are dashed slots.
 */
export function TemplateView({ template, testId = "template-view" }: { template: PromptTemplate; testId?: string }) {
  if (typeof template === "string") {
    return <pre data-testid={testId} className="max-h-[32rem] overflow-auto whitespace-pre-wrap break-words rounded-md bg-zinc-50 p-3 font-mono text-xs leading-relaxed dark:bg-zinc-950">{template}</pre>;
  }
  return (
    <div data-testid={testId} className="space-y-2">
      {template.map((m, i) =>
        "type" in m ? (
          <div key={i} data-testid="chat-placeholder" className="rounded-md border border-dashed border-zinc-300 px-3 py-1.5 text-xs text-zinc-500 dark:border-zinc-700">
            placeholder <code className="font-mono text-zinc-700 dark:text-zinc-300">{m.name}</code> — a list of messages goes here
          </div>
        ) : (
          <div key={i} data-testid="chat-message" data-role={m.role} className={cn("rounded-lg border px-3 py-2", ROLE_TONES[m.role] ?? "border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-950", m.role === "user" && "ml-8", m.role === "assistant" && "mr-8")}>
            <div className="mb-1 text-[11px] font-semibold uppercase tracking-wide text-zinc-500">{m.role}</div>
            <div className="whitespace-pre-wrap break-words font-mono text-xs leading-relaxed">{m.content}</div>
          </div>
        ),
      )}
    </div>
  );
}

/** A version's content, variables and config. */
export function VersionContent({ version }: { version: PromptVersion }) {
  return (
    <div className="space-y-4">
      <TemplateView template={version.template} />
      <div>
        <h3 className="mb-1 flex items-center gap-1 text-xs font-semibold uppercase tracking-wide text-zinc-500"><Variable className="size-3.5" /> Variables</h3>
        {version.variables.length ? (
          <div className="flex flex-wrap gap-1" data-testid="version-variables">
            {version.variables.map((v) => <code key={v} className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs dark:bg-zinc-800">{v}</code>)}
          </div>
        ) : <p className="text-xs text-zinc-500">None: the template compiles as is.</p>}
      </div>
      <div>
        <h3 className="mb-1 flex items-center gap-1 text-xs font-semibold uppercase tracking-wide text-zinc-500"><Braces className="size-3.5" /> Config</h3>
        <pre data-testid="version-config" className="max-h-64 overflow-auto rounded-md bg-zinc-50 p-3 font-mono text-xs dark:bg-zinc-950">{configText(version.config)}</pre>
      </div>
    </div>
  );
}
