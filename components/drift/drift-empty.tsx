import { Card, EmptyState } from "@/components/ui/card";
import type { EmbeddingSettingsView } from "@/lib/schemas/drift";

/** No vectors yet: what to send, or what the worker will do on its own. */
export function DriftEmpty({ settings }: { settings: EmbeddingSettingsView }) {
  return (
    <Card>
      <EmptyState title="No embeddings yet">
        <div className="mx-auto max-w-2xl space-y-3 text-left">
          <p>
            {settings.provider === "none"
              ? "This project only uses vectors that clients send."
              : `The worker embeds the ${settings.fields.join(" and ")} text of LLM spans every 5 minutes (${settings.provider === "offline" ? "built-in offline embedder, no API needed" : `provider ${settings.providerConfig?.model ?? ""}`}). Send some LLM spans and a report appears within the hour — or send your own vectors:`}
          </p>
          {/* Wrapped rather than scrolled: headless and overlay scrollbars hide that the line goes on. */}
          <pre className="overflow-x-auto whitespace-pre-wrap break-words rounded bg-zinc-50 p-3 text-xs dark:bg-zinc-950">{`// Batch API / SDK: on a span or generation
embeddings: [{ field: "input", model: "text-embedding-3-small", vector: [0.012, -0.034, …] }]

// OpenTelemetry (OpenInference attributes)
embedding.model_name = "text-embedding-3-small"
embedding.embeddings.0.embedding.vector = [0.012, -0.034, …]`}</pre>
          <p className="text-xs">Vectors of different models or dimensions are never compared. Each window needs at least 10 vectors on each side to be tested.</p>
        </div>
      </EmptyState>
    </Card>
  );
}
