/**
 * Pure span-tree logic for the trace detail page: parent/child nesting, the rows visible with
 * some subtrees collapsed, and waterfall geometry relative to the trace.
 */
export type TreeSpan = { id: string; parentId: string | null; startTime: string; endTime: string };
export type SpanNode<S extends TreeSpan> = { span: S; depth: number; children: SpanNode<S>[] };
export type SpanRow<S extends TreeSpan> = { span: S; depth: number; childCount: number };

const ms = (t: string) => new Date(t).getTime();

/**
 * Spans whose parent is missing (not ingested yet, or the trace was cut) become roots, so
 * nothing ever disappears from the tree. A cycle in bad data is cut where it closes.
 */
export function buildSpanTree<S extends TreeSpan>(spans: S[]): SpanNode<S>[] {
  const ids = new Set(spans.map((s) => s.id));
  const children = new Map<string | null, S[]>();
  for (const s of spans) {
    const parent = s.parentId && ids.has(s.parentId) && s.parentId !== s.id ? s.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(s);
    children.set(parent, list);
  }
  for (const list of children.values()) list.sort((a, b) => ms(a.startTime) - ms(b.startTime) || a.id.localeCompare(b.id));
  const seen = new Set<string>();
  const build = (s: S, depth: number): SpanNode<S> => {
    seen.add(s.id);
    const kids = (children.get(s.id) ?? []).filter((c) => !seen.has(c.id));
    return { span: s, depth, children: kids.map((c) => build(c, depth + 1)) };
  };
  const roots = (children.get(null) ?? []).map((s) => build(s, 0));
  // Spans only reachable through a cycle have no root; show them at the top level.
  for (const s of spans) if (!seen.has(s.id)) roots.push(build(s, 0));
  return roots;
}

/** Depth-first rows, skipping the descendants of collapsed spans. */
export function visibleRows<S extends TreeSpan>(roots: SpanNode<S>[], collapsed: ReadonlySet<string>): SpanRow<S>[] {
  const rows: SpanRow<S>[] = [];
  const stack = [...roots].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    rows.push({ span: node.span, depth: node.depth, childCount: node.children.length });
    if (!collapsed.has(node.span.id)) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return rows;
}

/** Ids of the span's ancestors, so a deep link can expand the path to it. */
export function ancestorIds<S extends TreeSpan>(spans: S[], id: string): string[] {
  const byId = new Map(spans.map((s) => [s.id, s]));
  const out: string[] = [];
  const seen = new Set<string>([id]);
  for (let p = byId.get(id)?.parentId; p && byId.has(p) && !seen.has(p); p = byId.get(p)?.parentId) {
    out.push(p);
    seen.add(p);
  }
  return out;
}

export type Bounds = { start: number; end: number };

export function traceBounds(spans: TreeSpan[], fallback: { startTime: string; endTime: string }): Bounds {
  let start = ms(fallback.startTime);
  let end = ms(fallback.endTime);
  for (const s of spans) {
    start = Math.min(start, ms(s.startTime));
    end = Math.max(end, ms(s.endTime));
  }
  return { start, end };
}

/** Left offset and width in percent of the trace; zero-length spans keep a visible sliver. */
export function barGeometry(span: { startTime: string; endTime: string; ttftMs?: number | null }, b: Bounds) {
  const total = Math.max(1, b.end - b.start);
  const left = ((ms(span.startTime) - b.start) / total) * 100;
  const width = Math.max(0.4, ((ms(span.endTime) - ms(span.startTime)) / total) * 100);
  const ttft = span.ttftMs != null ? ((ms(span.startTime) + span.ttftMs - b.start) / total) * 100 : null;
  const clamp = (v: number, max = 100) => Math.min(max, Math.max(0, v));
  const l = clamp(left, 99.6);
  return { left: l, width: Math.min(width, 100 - l), ttft: ttft == null ? null : clamp(ttft) };
}
