"use client";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FieldError, Input } from "@/components/ui/input";
import { Table, Td } from "@/components/ui/table";
import type { PriceOverrideInput } from "@/lib/queries/ingest-settings/keys";
import { useUpdateIngestSettings } from "@/lib/queries/ingest-settings/use-update-ingest-settings";

type Row = { id: string; modelPattern: string; provider: string; inputPerMillion: string; outputPerMillion: string; cachedInputPerMillion: string; effectiveFrom: string };

const toRow = (o: PriceOverrideInput): Row => ({
  id: o.id, modelPattern: o.modelPattern, provider: o.provider ?? "", inputPerMillion: String(o.inputPerMillion), outputPerMillion: String(o.outputPerMillion),
  cachedInputPerMillion: o.cachedInputPerMillion == null ? "" : String(o.cachedInputPerMillion), effectiveFrom: String(o.effectiveFrom).slice(0, 10),
});

/** Negotiated or self-hosted model prices; they win over the shipped price table from their date on. */
export function PriceOverridesForm({ projectId, overrides, canEdit }: { projectId: string; overrides: PriceOverrideInput[]; canEdit: boolean }) {
  const update = useUpdateIngestSettings(projectId);
  const [rows, setRows] = useState<Row[]>(overrides.map(toRow));
  const set = (i: number, key: keyof Row, value: string) => setRows(rows.map((r, j) => (j === i ? { ...r, [key]: value } : r)));
  const add = () => setRows([...rows, { id: crypto.randomUUID(), modelPattern: "", provider: "", inputPerMillion: "0", outputPerMillion: "0", cachedInputPerMillion: "", effectiveFrom: new Date().toISOString().slice(0, 10) }]);
  function save() {
    const priceOverrides = rows.map((r) => ({
      id: r.id, modelPattern: r.modelPattern, provider: r.provider || null, inputPerMillion: Number(r.inputPerMillion), outputPerMillion: Number(r.outputPerMillion),
      cachedInputPerMillion: r.cachedInputPerMillion === "" ? null : Number(r.cachedInputPerMillion), effectiveFrom: new Date(`${r.effectiveFrom}T00:00:00Z`).toISOString(),
    }));
    update.mutate({ priceOverrides }, { onSuccess: () => toast.success("Prices saved") });
  }
  const cell = (i: number, key: keyof Row, props: { width: string; mono?: boolean; type?: string; label: string }) => (
    <Input aria-label={props.label} type={props.type} className={`h-7 ${props.width} text-xs ${props.mono ? "font-mono" : ""}`} value={rows[i]![key]} disabled={!canEdit} onChange={(e) => set(i, key, e.target.value)} />
  );
  return (
    <Card title="Model price overrides" description="USD per million tokens. The model pattern is a full-match, case-insensitive regular expression (e.g. ^gpt-4o(-\d{4}-\d{2}-\d{2})?$).">
      {rows.length > 0 && (
        <Table head={["Model pattern", "Provider", "Input", "Output", "Cached input", "From", ""]}>
          {rows.map((r, i) => (
            <tr key={r.id}>
              <Td>{cell(i, "modelPattern", { width: "w-56", mono: true, label: "Model pattern" })}</Td>
              <Td>{cell(i, "provider", { width: "w-24", label: "Provider" })}</Td>
              <Td>{cell(i, "inputPerMillion", { width: "w-20", type: "number", label: "Input price" })}</Td>
              <Td>{cell(i, "outputPerMillion", { width: "w-20", type: "number", label: "Output price" })}</Td>
              <Td>{cell(i, "cachedInputPerMillion", { width: "w-20", type: "number", label: "Cached input price" })}</Td>
              <Td>{cell(i, "effectiveFrom", { width: "w-36", type: "date", label: "Effective from" })}</Td>
              <Td>{canEdit && <Button size="sm" variant="ghost" onClick={() => setRows(rows.filter((_, j) => j !== i))}>Remove</Button>}</Td>
            </tr>
          ))}
        </Table>
      )}
      {rows.length === 0 && <p className="text-sm text-zinc-500">No overrides: costs come from the shipped price table (@pydantic/genai-prices).</p>}
      <FieldError>{update.error?.message}</FieldError>
      {canEdit && (
        <div className="mt-3 flex gap-2">
          <Button variant="secondary" size="sm" onClick={add}>Add override</Button>
          <Button size="sm" onClick={save} disabled={update.isPending}>{update.isPending ? "Saving…" : "Save prices"}</Button>
        </div>
      )}
    </Card>
  );
}
