import { RefreshCw } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import type { DriftSource } from "@/lib/queries/drift/keys";

type Props = {
  field: string; model: string | undefined; pairs: DriftSource[]; canManage: boolean; noVectors: boolean; busy: boolean; computing: boolean;
  onCompute: () => void; setParams: (next: Record<string, string | null>) => void;
};

/** Title, the field and embedding model being compared, and "Compute now". */
export function DriftHeader({ field, model, pairs, canManage, noVectors, busy, computing, onCompute, setParams }: Props) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-3">
      <div>
        <h1 className="text-xl font-semibold">Drift</h1>
        <p className="text-sm text-zinc-500">Has what users ask (or what the model answers) moved? Centroid distance of embeddings per window, with a permutation test.</p>
      </div>
      <div className="flex items-center gap-2">
        <Select aria-label="Field" value={field} onChange={(e) => setParams({ field: e.target.value, model: null, report: null })}>
          <option value="input">Input</option>
          <option value="output">Output</option>
        </Select>
        <Select aria-label="Embedding model" value={model ?? ""} onChange={(e) => setParams({ model: e.target.value, report: null })} disabled={!pairs.length}>
          {pairs.length === 0 && <option value="">no vectors yet</option>}
          {pairs.map((p) => <option key={p.model} value={p.model}>{p.model} · {p.dimension}d · {p.vectors.toLocaleString()}</option>)}
        </Select>
        {canManage && (
          <Button className="whitespace-nowrap" onClick={onCompute} disabled={busy || computing} title={noVectors ? `No ${field} vectors yet: the worker embeds the spans first, then computes (c)` : "Compute a fresh report (c)"}>
            <RefreshCw className={`mr-1 h-4 w-4 ${computing ? "animate-spin" : ""}`} />Compute now
          </Button>
        )}
      </div>
    </div>
  );
}
