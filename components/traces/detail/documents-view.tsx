"use client";
import { ChevronDown, ChevronRight, FileText } from "lucide-react";
import { useState } from "react";
import type { DocumentView } from "@/lib/queries/traces/trace-detail";
import { JsonView } from "./json-view";
import { RichText } from "./rich-text";

/** Longer contents start collapsed to their first lines. */
const LONG_CONTENT = 480;

/** A retriever's documents in rank order: id, score, content (long ones collapsible) and metadata. */
export function DocumentsView({ documents }: { documents: DocumentView[] }) {
  return (
    <ol className="space-y-2" data-testid="documents">
      {documents.map((d) => <DocumentItem key={d.position} doc={d} />)}
    </ol>
  );
}

function DocumentItem({ doc }: { doc: DocumentView }) {
  const long = (doc.content?.length ?? 0) > LONG_CONTENT;
  const [open, setOpen] = useState(!long);
  const hasMetadata = doc.metadata !== null && Object.keys(doc.metadata).length > 0;
  return (
    <li data-testid="document" data-position={doc.position} className="rounded-md border border-emerald-200 bg-emerald-50/40 px-3 py-2 text-sm dark:border-emerald-900 dark:bg-emerald-950/20">
      <div className="mb-1 flex flex-wrap items-center gap-2 text-xs">
        <span className="font-semibold text-emerald-800 dark:text-emerald-300">#{doc.position + 1}</span>
        <FileText className="h-3.5 w-3.5 text-emerald-700" />
        <code className="break-all font-mono text-zinc-600 dark:text-zinc-400" data-testid="document-id">{doc.id ?? "(no id)"}</code>
        {doc.score !== null && <span className="rounded bg-white px-1.5 py-0.5 tabular-nums text-zinc-700 dark:bg-zinc-900 dark:text-zinc-300" data-testid="document-score">score {formatDocScore(doc.score)}</span>}
      </div>
      {doc.content === null ? (
        <p className="text-xs italic text-zinc-400">(the retriever sent no content for this document)</p>
      ) : (
        <div className="whitespace-pre-wrap break-words leading-relaxed" data-testid="document-content">
          <RichText text={open ? doc.content : `${doc.content.slice(0, LONG_CONTENT)}…`} />
        </div>
      )}
      {long && (
        <button type="button" onClick={() => setOpen(!open)} aria-expanded={open} className="mt-1 inline-flex items-center gap-1 text-xs text-indigo-600 hover:underline" data-testid="document-toggle">
          {open ? <ChevronDown className="h-3.5 w-3.5" /> : <ChevronRight className="h-3.5 w-3.5" />}
          {open ? "Show less" : `Show all ${doc.content!.length.toLocaleString()} characters`}
        </button>
      )}
      {hasMetadata && <div className="mt-2" data-testid="document-metadata"><JsonView value={doc.metadata} /></div>}
    </li>
  );
}

/** Similarities print as 0.873; distances and rank scores as they are. */
export const formatDocScore = (score: number) => (Number.isInteger(score) ? String(score) : score.toFixed(Math.abs(score) < 10 ? 3 : 1));
