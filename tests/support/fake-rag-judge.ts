// A deterministic "RAG judge" for the fake provider: it answers the RAG evaluators' tasks
// (lib/evaluators/rag/rag-prompts.ts) by rules a test can compute by hand.
//   statements: each sentence [S#] splits on "; " into statements (trailing . ! ? dropped).
//   support:    a statement is supported when, lower-cased and without . , ! ?, it is a
//               substring of some passage [P#] treated the same way.
//   useful:     a passage is useful when it contains (same normalisation) any "; "-part of the expected answer.
//   addresses:  a statement addresses the question when it shares a word of 4+ letters with it.
// `lie` makes one model answer the opposite verdict for the named items: the way a test makes the
// cheap model wrong on purpose. Questions (answer relevancy) are scripted by each test.
import type { FakeChatRequest, FakeReply } from "./fake-llm";

export const RAG_TASK = "Pharos RAG evaluator";
const norm = (s: string) => s.toLowerCase().replace(/[.,!?]/g, "").replace(/\s+/g, " ").trim();

function section(text: string, header: string): string[] {
  const start = text.indexOf(`${header}:\n`);
  if (start < 0) return [];
  const out: string[] = [];
  for (const line of text.slice(start + header.length + 2).split("\n")) {
    const m = /^\[[SP]\d+\] (.*)$/.exec(line);
    if (!m) break;
    out.push(m[1]!);
  }
  return out;
}
const field = (text: string, name: string) => new RegExp(`^${name}: (.*)$`, "m").exec(text)?.[1] ?? "";

export function fakeRagJudge(options: { lie?: { model: string; items: string[] } } = {}) {
  return (request: FakeChatRequest): FakeReply => {
    const system = String(request.messages?.[0]?.content ?? "");
    const user = String(request.messages?.[1]?.content ?? "");
    const task = /task: (\w+)/.exec(system)?.[1];
    if (task === "statements") {
      const statements = section(user, "Sentences").flatMap((s, i) => s.split("; ").map((t) => ({ sentence: i + 1, text: t.replace(/[.!?]+$/, "") })));
      return { content: JSON.stringify({ statements }) };
    }
    const lies = (item: string) => options.lie !== undefined && options.lie.model === request.model && options.lie.items.includes(item);
    let items: string[];
    let truth: (item: string) => boolean;
    if (task === "support") {
      const passages = section(user, "Passages").map(norm);
      items = section(user, "Statements");
      truth = (s) => passages.some((p) => p.includes(norm(s)));
    } else if (task === "useful") {
      const expected = field(user, "Expected answer").split("; ").map(norm);
      items = section(user, "Passages");
      truth = (p) => expected.some((e) => norm(p).includes(e));
    } else if (task === "addresses") {
      const words = new Set(norm(field(user, "Question")).split(" ").filter((w) => w.length >= 4));
      items = section(user, "Statements");
      truth = (s) => norm(s).split(" ").some((w) => words.has(w));
    } else {
      return { content: `unknown task ${task}` };
    }
    const verdicts = items.map((item, i) => {
      const yes = truth(item) !== lies(item);
      return { id: i + 1, verdict: yes ? "yes" : "no", reason: yes ? "stated in the passages" : "not stated" };
    });
    return { content: JSON.stringify({ verdicts }) };
  };
}
