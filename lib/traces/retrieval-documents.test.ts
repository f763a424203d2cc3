import { describe, expect, it } from "vitest";
import { retrievedDocuments } from "./retrieval-documents";

describe("retrievedDocuments", () => {
  it("reads OpenInference-mapped documents in order with id, content, score and metadata", () => {
    const docs = retrievedDocuments([
      { id: "d1", content: "Paris is in France", score: 0.9, metadata: { source: "wiki" } },
      { id: "d2", content: "Berlin is in Germany", score: 0.4 },
    ]);
    expect(docs).toEqual([
      { position: 0, id: "d1", content: "Paris is in France", score: 0.9, metadata: { source: "wiki" } },
      { position: 1, id: "d2", content: "Berlin is in Germany", score: 0.4, metadata: null },
    ]);
  });

  it("reads LangChain documents (Langfuse retriever observations), wrapped or not", () => {
    const langchain = [{ page_content: "환불은 7일 이내", metadata: { id: "kb-1", source: "faq" } }, { pageContent: "Refunds take 5 days", metadata: '{"source":"policy"}' }];
    const docs = retrievedDocuments({ documents: langchain });
    expect(docs).toEqual([
      { position: 0, id: "kb-1", content: "환불은 7일 이내", score: null, metadata: { id: "kb-1", source: "faq" } },
      { position: 1, id: null, content: "Refunds take 5 days", score: null, metadata: { source: "policy" } },
    ]);
    expect(retrievedDocuments(langchain)).toEqual(docs);
  });

  it("reads nested OpenInference `document` entries, plain strings and id-only GenAI documents", () => {
    expect(retrievedDocuments([{ document: { id: 7, content: "a", score: "0.5" } }])).toEqual([{ position: 0, id: "7", content: "a", score: 0.5, metadata: null }]);
    expect(retrievedDocuments(["first", "second"])?.map((d) => [d.position, d.content])).toEqual([[0, "first"], [1, "second"]]);
    expect(retrievedDocuments([{ id: "doc_123", score: 0.95 }])).toEqual([{ position: 0, id: "doc_123", content: null, score: 0.95, metadata: null }]);
    // Unnamed fields are kept as metadata.
    expect(retrievedDocuments([{ id: "kb-1", text: "body", url: "https://x.test/kb-1" }])?.[0]).toMatchObject({ content: "body", metadata: { url: "https://x.test/kb-1" } });
  });

  it("is null for what is not a document list: messages, numbers, empty lists, scalars", () => {
    expect(retrievedDocuments([{ role: "assistant", content: "hi" }])).toBeNull();
    expect(retrievedDocuments([1, 2])).toBeNull();
    expect(retrievedDocuments([])).toBeNull();
    expect(retrievedDocuments("text")).toBeNull();
    expect(retrievedDocuments({ answer: "x" })).toBeNull();
    // One element that is not a document makes the whole list raw JSON, not a list with holes.
    expect(retrievedDocuments([{ content: "ok" }, { foo: 1 }])).toBeNull();
  });
});
