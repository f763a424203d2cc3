"use client";
import { Play } from "lucide-react";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, EmptyState } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { FieldError, Label, Select } from "@/components/ui/input";
import { TextArea } from "@/components/datasets/json-value";
import type { PromptDetail } from "@/lib/queries/prompts/keys";
import { usePromptMutations } from "@/lib/queries/prompts/use-prompt-mutations";
import { configText } from "./prepare-diff";
import { buildVariables, erroredVariable, type VariableInput, variableInputs } from "./try-it-model";
import { TemplateView } from "./version-content";

function placeholderFor(input: VariableInput): string {
  if (input.kind === "messages") return '[{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello!"}]';
  if (input.kind === "section") return input.fields?.length ? JSON.stringify([Object.fromEntries(input.fields.map((f) => [f, "…"]))]) : "true";
  return "";
}

type Props = { projectId: string; detail: PromptDetail; version: number; onVersion: (v: number) => void };

/** Fill in a version's variables and see what the server compiles (the same code the fetch path's SDK mirrors). */
export function TryItTab({ projectId, detail, version, onVersion }: Props) {
  const { compile } = usePromptMutations(projectId);
  const selected = detail.versions.find((v) => v.version === version) ?? detail.versions[0]!;
  const inputs = variableInputs(selected.template, selected.variables);
  const shown = inputs.filter((i) => i.kind !== "field");
  const [values, setValues] = useState<Record<string, string>>({});
  const [localError, setLocalError] = useState<{ name: string; message: string } | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const built = buildVariables(inputs, values);
    if ("error" in built) return setLocalError(built.error);
    setLocalError(null);
    await compile.mutateAsync({ promptId: detail.prompt.id, version: selected.version, variables: built.variables });
  }

  const serverError = compile.error?.message ?? null;
  const errored = localError?.name ?? (serverError ? erroredVariable(serverError, inputs) : null);
  const result = compile.data?.version === selected.version ? compile.data : null;
  return (
    <div className="grid gap-4 xl:grid-cols-2">
      <Card className="self-start" title="Variables" description="Empty fields are left out; the server names any required one that is missing.">
        <form onSubmit={(e) => onSubmit(e).catch(() => undefined)} className="space-y-3" data-testid="try-it-form">
          <div>
            <Label htmlFor="try-version">Version</Label>
            <Select id="try-version" className="w-40" value={selected.version} onChange={(e) => (compile.reset(), onVersion(Number(e.target.value)))}>
              {detail.versions.map((v) => <option key={v.version} value={v.version}>v{v.version}</option>)}
            </Select>
          </div>
          {shown.length === 0 && <p className="text-sm text-zinc-500">This version has no variables.</p>}
          {shown.map((input) => (
            <div key={input.name}>
              <Label htmlFor={`var-${input.name}`} className={cn(errored === input.name && "text-red-700 dark:text-red-400")}>
                <code className="font-mono">{input.name}</code>
                {input.kind === "messages" && <span className="font-normal text-zinc-500"> — message list (JSON)</span>}
                {input.kind === "section" && <span className="font-normal text-zinc-500"> — section: {input.fields?.length ? `a JSON list of items with ${input.fields.join(", ")}` : "true / false, or a JSON list"}</span>}
              </Label>
              <TextArea
                id={`var-${input.name}`}
                aria-invalid={errored === input.name || undefined}
                className={cn(errored === input.name && "border-red-400 ring-2 ring-red-500/20")}
                rows={input.kind === "text" ? 2 : 3}
                placeholder={placeholderFor(input)}
                value={values[input.name] ?? ""}
                onChange={(e) => setValues({ ...values, [input.name]: e.target.value })}
              />
            </div>
          ))}
          <FieldError>{localError?.message ?? serverError}</FieldError>
          <Button type="submit" disabled={compile.isPending}><Play className="size-4" /> {compile.isPending ? "Compiling…" : "Compile"}</Button>
        </form>
      </Card>
      <Card className="self-start" title="Compiled" description={result ? `v${result.version}, as your app would send it` : "Run Compile to see the prompt with your values."}>
        {result ? (
          <div className="space-y-3" data-testid="compiled-result">
            <TemplateView template={result.compiled} testId="compiled-template" />
            <pre className="overflow-auto rounded-md bg-zinc-50 p-3 font-mono text-xs dark:bg-zinc-950">{configText(result.config)}</pre>
          </div>
        ) : <EmptyState title="Nothing compiled yet" />}
      </Card>
    </div>
  );
}
