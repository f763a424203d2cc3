import { FileText } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";

/** No prompts yet: how to create one here, and from CI with the public API. */
export function PromptsEmpty({ canEdit, onCreate, origin }: { canEdit: boolean; onCreate: () => void; origin: string }) {
  const curl = [
    `curl -X POST ${origin}/api/public/prompts \\`,
    `  -H "Authorization: Bearer $PHAROS_SECRET_KEY" \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -d '{"name": "support/answer", "type": "text",`,
    `       "template": "Answer {{question}} for {{company}}.",`,
    `       "config": {"model": "gpt-4o-mini"},`,
    `       "commitMessage": "From CI", "proposeFor": "production"}'`,
  ].join("\n");
  return (
    <EmptyState title="No prompts yet">
      <div className="mx-auto max-w-2xl space-y-3 text-left">
        <p>
          Keep your prompts here instead of in code: every edit is a new version, and your app fetches the version behind a label such as
          <strong> production</strong>, which moves only after review.
        </p>
        <p><strong>From the UI:</strong> choose <em>New prompt</em>, pick text or chat, and write the template with <code className="font-mono">{"{{variables}}"}</code>.</p>
        <div>
          <p><strong>From CI</strong> (a secret key from Settings → API keys):</p>
          <pre data-testid="prompts-curl" className="mt-1 overflow-x-auto rounded-md bg-zinc-900 p-3 font-mono text-xs text-zinc-100">{curl}</pre>
        </div>
      </div>
      {canEdit && <Button className="mt-4" onClick={onCreate}><FileText className="size-4" /> New prompt</Button>}
    </EmptyState>
  );
}
