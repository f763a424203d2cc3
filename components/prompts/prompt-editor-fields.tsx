"use client";
import { Label } from "@/components/ui/input";
import { TextArea } from "@/components/datasets/json-value";
import { ChatEditor } from "./chat-editor";
import type { PromptDraft } from "./prompt-draft-model";

type Props = { draft: PromptDraft; onChange: (draft: PromptDraft) => void; errorField?: string | null };

/** Template (text or chat), config and commit message: shared by "New prompt" and "Edit". */
export function PromptEditorFields({ draft, onChange, errorField }: Props) {
  const errorIndex = errorField?.startsWith("messages.") ? Number(errorField.split(".")[1]) : null;
  return (
    <div className="space-y-3">
      <div>
        <Label htmlFor="prompt-template">{draft.type === "text" ? "Template" : "Messages"}</Label>
        {draft.type === "text" ? (
          <TextArea id="prompt-template" rows={10} value={draft.text} onChange={(e) => onChange({ ...draft, text: e.target.value })} spellCheck={false} placeholder="You are a helpful assistant for {{company}}. Answer: {{question}}" />
        ) : (
          <ChatEditor rows={draft.rows} onChange={(rows) => onChange({ ...draft, rows })} errorIndex={errorIndex} />
        )}
        <p className="mt-1 text-xs text-zinc-500">Variables are Mustache: <code className="font-mono">{"{{name}}"}</code>, sections <code className="font-mono">{"{{#items}}…{{/items}}"}</code>. They are listed once the version is saved.</p>
      </div>
      <div>
        <Label htmlFor="prompt-config">Model config (JSON)</Label>
        <TextArea id="prompt-config" rows={5} value={draft.config} onChange={(e) => onChange({ ...draft, config: e.target.value })} spellCheck={false} />
      </div>
      <div>
        <Label htmlFor="prompt-commit">Commit message</Label>
        <TextArea id="prompt-commit" rows={2} className="font-sans text-sm" value={draft.commitMessage} onChange={(e) => onChange({ ...draft, commitMessage: e.target.value })} placeholder="What changed and why" />
      </div>
    </div>
  );
}
