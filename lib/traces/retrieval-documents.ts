/**
 * The documents a retriever span returned, whatever convention carried them (pure). Ingest
 * stores a retriever's documents as its output; the shapes seen there:
 * - OpenInference `retrieval.documents.N.document.{id,content,score,metadata}` (mapped to
 *   `[{ id, content, score, metadata }]` by lib/ingest/otlp/map-io.ts), the same objects from
 *   the SDK's `retriever()` spans and the OTel GenAI `gen_ai.retrieval.documents` attribute;
 * - LangChain documents `{ page_content | pageContent, metadata }`, as Langfuse retriever
 *   observations carry them, also wrapped as `{ documents: [...] }`;
 * - plain strings.
 * Order is the retriever's (rank 1 first). Anything else is not a document list: null.
 */
export type RetrievedDocument = {
  /** 0-based rank in the retriever's answer. */
  position: number;
  id: string | null;
  content: string | null;
  score: number | null;
  metadata: Record<string, unknown> | null;
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

const CONTENT_KEYS = ["content", "page_content", "pageContent", "text"] as const;
const ID_KEYS = ["id", "document_id", "documentId", "doc_id"] as const;
const SCORE_KEYS = ["score", "relevance_score", "relevanceScore", "similarity"] as const;
const WRAPPER_KEYS = ["documents", "docs", "results"] as const;
const KNOWN_KEYS = new Set<string>([...CONTENT_KEYS, ...ID_KEYS, ...SCORE_KEYS, "metadata", "document"]);

const MAX_DOCUMENTS = 1000;

function firstOf(o: Obj, keys: readonly string[]): unknown {
  for (const k of keys) if (Object.hasOwn(o, k) && o[k] !== undefined && o[k] !== null) return o[k];
  return undefined;
}

function asMetadata(v: unknown): Record<string, unknown> | null {
  if (isObj(v)) return v;
  if (typeof v === "string" && v.trim().startsWith("{")) {
    try {
      const parsed: unknown = JSON.parse(v);
      return isObj(parsed) ? parsed : { value: v };
    } catch {
      return { value: v };
    }
  }
  return v === undefined || v === null ? null : { value: v };
}

function asScore(v: unknown): number | null {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
  return null;
}

function asId(v: unknown): string | null {
  if (typeof v === "string" && v !== "") return v;
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  return null;
}

/** One list element as a document, or null when it does not look like one. */
function documentOf(item: unknown, position: number): RetrievedDocument | null {
  if (typeof item === "string") return { position, id: null, content: item, score: null, metadata: null };
  if (!isObj(item)) return null;
  // OpenInference nests each entry under `document`.
  const doc = isObj(item.document) ? item.document : item;
  const content = firstOf(doc, CONTENT_KEYS);
  const id = asId(firstOf(doc, ID_KEYS));
  const score = asScore(firstOf(doc, SCORE_KEYS) ?? firstOf(item, SCORE_KEYS));
  // A chat message ({ role, content }) is not a document.
  if (typeof doc.role === "string") return null;
  if (content === undefined && id === null) return null;
  // Fields no convention names (a url, a title) join the metadata rather than vanish.
  const extra = Object.fromEntries(Object.entries(doc).filter(([k]) => !KNOWN_KEYS.has(k)));
  const own = asMetadata(doc.metadata);
  const metadata = Object.keys(extra).length ? { ...extra, ...own } : own;
  return {
    position, id: id ?? asId(metadata?.id), score, metadata,
    content: content === undefined ? null : typeof content === "string" ? content : JSON.stringify(content),
  };
}

/**
 * The documents in a retriever span's output, in order; null when the output is not a list of
 * documents. Every element must read as a document: one that does not makes the whole output
 * "not documents" (shown as raw JSON), rather than a list with holes.
 */
export function retrievedDocuments(output: unknown): RetrievedDocument[] | null {
  let list: unknown = output;
  if (isObj(output)) list = firstOf(output, WRAPPER_KEYS);
  if (!Array.isArray(list) || list.length === 0) return null;
  const docs: RetrievedDocument[] = [];
  for (let i = 0; i < Math.min(list.length, MAX_DOCUMENTS); i++) {
    const d = documentOf(list[i], i);
    if (!d) return null;
    docs.push(d);
  }
  return docs;
}
