import type { PromptVersion } from "@/lib/queries/prompts/keys";
import { DiffStats, DiffView } from "./diff-view";
import { configText, prepareSideBySide, templateText } from "./prepare-diff";

/** Template and config of two versions, each side by side: used by the Diff tab and change requests. */
export function VersionDiff({ from, to, fromLabel, toLabel }: { from: PromptVersion; to: PromptVersion; fromLabel: string; toLabel: string }) {
  const template = prepareSideBySide(templateText(from.template), templateText(to.template));
  const config = prepareSideBySide(configText(from.config), configText(to.config));
  return (
    <div className="space-y-4" data-testid="version-diff">
      <section>
        <h3 className="mb-1.5 flex items-center gap-2 text-xs font-semibold uppercase tracking-wide text-zinc-500">Template <DiffStats diff={template} /></h3>
        <DiffView diff={template} fromLabel={fromLabel} toLabel={toLabel} testId="template-diff" />
      </section>
      <section>
        <h3 className="mb-1.5 flex items-center gap-2 text-xs font-semibold uppercase tracking-wide text-zinc-500">Config <DiffStats diff={config} /></h3>
        <DiffView diff={config} fromLabel={fromLabel} toLabel={toLabel} testId="config-diff" />
      </section>
    </div>
  );
}
