"use client";
import Markdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";
import { cn } from "@/components/ui/cn";

type Node = { type: string; value?: string; children?: Node[] };

/** Raw HTML in the markdown is shown as the text it is, never parsed into elements. */
function htmlAsText() {
  const walk = (node: Node) => {
    for (const child of node.children ?? []) {
      if (child.type === "html") child.type = "text";
      walk(child);
    }
  };
  return (tree: Node) => walk(tree);
}

const components: Components = {
  // Images would let pair content make requests from the annotator's browser: show the alt text.
  img: ({ alt, src }) => <span className="text-xs text-zinc-500">[image{alt ? `: ${alt}` : ""}{typeof src === "string" ? ` ${src.slice(0, 120)}` : ""}]</span>,
  a: ({ href, children }) => (
    <a href={href} target="_blank" rel="noopener noreferrer nofollow" className="text-indigo-600 underline">
      {children}
    </a>
  ),
};

/**
 * Markdown for instructions and responses: GFM (tables, lists, code), no raw HTML (react-markdown
 * never injects HTML without rehype-raw, which we do not add; HTML shows as text), javascript:
 * URLs dropped by react-markdown's default URL transform.
 */
export function SafeMarkdown({ text, className, testId }: { text: string; className?: string; testId?: string }) {
  return (
    <div
      data-testid={testId}
      className={cn(
        "min-w-0 break-words text-sm leading-relaxed [&_code]:rounded [&_code]:bg-zinc-100 [&_code]:px-1 [&_code]:font-mono [&_code]:text-[0.85em] dark:[&_code]:bg-zinc-800",
        "[&_h1]:mb-2 [&_h1]:text-base [&_h1]:font-semibold [&_h2]:mb-2 [&_h2]:font-semibold [&_h3]:font-semibold [&_li]:ml-5 [&_ol]:mb-2 [&_ol]:list-decimal [&_p]:mb-2 [&_ul]:mb-2 [&_ul]:list-disc",
        "[&_pre]:mb-2 [&_pre]:overflow-x-auto [&_pre]:rounded-md [&_pre]:bg-zinc-900 [&_pre]:p-3 [&_pre]:text-zinc-100 [&_pre_code]:bg-transparent [&_pre_code]:p-0 [&_pre_code]:text-zinc-100",
        "[&_table]:mb-2 [&_td]:border [&_td]:border-zinc-200 [&_td]:px-2 [&_th]:border [&_th]:border-zinc-200 [&_th]:px-2 [&_blockquote]:border-l-2 [&_blockquote]:pl-3 [&_blockquote]:text-zinc-600",
        className,
      )}
    >
      <Markdown remarkPlugins={[remarkGfm, htmlAsText]} components={components}>
        {text}
      </Markdown>
    </div>
  );
}
