"use client";
import { ChevronDown, ChevronRight } from "lucide-react";
import { useState } from "react";
import { RichText } from "./rich-text";

const LONG_STRING = 600;
const BIG_CONTAINER = 25;

type Obj = Record<string, unknown>;
const isContainer = (v: unknown): v is Obj | unknown[] => typeof v === "object" && v !== null;

/** Pretty-printed JSON as a tree; big objects/arrays and long strings start collapsed. */
export function JsonView({ value, className }: { value: unknown; className?: string }) {
  return (
    <div data-testid="json-view" className={`overflow-x-auto rounded-md bg-zinc-50 py-2 pl-5 pr-2 font-mono text-xs leading-5 dark:bg-zinc-950 ${className ?? ""}`}>
      <JsonNode value={value} depth={0} />
    </div>
  );
}

function JsonNode({ value, depth, name }: { value: unknown; depth: number; name?: string }) {
  const entries = isContainer(value) ? (Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value)) : null;
  const [open, setOpen] = useState(() => entries === null || (depth < 3 && entries.length <= BIG_CONTAINER) || depth === 0);
  const label = name !== undefined ? <span className="text-sky-700 dark:text-sky-400">{JSON.stringify(name)}: </span> : null;
  if (!entries) return <div style={{ paddingLeft: depth ? 14 : 0 }}>{label}<Scalar value={value} /></div>;
  const [openCh, closeCh] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  if (entries.length === 0) return <div style={{ paddingLeft: depth ? 14 : 0 }}>{label}{openCh}{closeCh}</div>;
  return (
    <div style={{ paddingLeft: depth ? 14 : 0 }}>
      <button type="button" onClick={() => setOpen(!open)} className="-ml-3.5 inline-flex items-center text-zinc-400 hover:text-zinc-700" aria-label={open ? "Collapse" : "Expand"} aria-expanded={open}>
        {open ? <ChevronDown className="h-3.5 w-3.5" /> : <ChevronRight className="h-3.5 w-3.5" />}
      </button>
      {label}
      {openCh}
      {!open && (
        <button type="button" onClick={() => setOpen(true)} className="mx-1 rounded bg-zinc-200 px-1 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">
          {entries.length} {Array.isArray(value) ? "items" : "keys"}
        </button>
      )}
      {open && entries.map(([k, v]) => <JsonNode key={k} name={Array.isArray(value) ? undefined : k} value={v} depth={depth + 1} />)}
      {closeCh}
    </div>
  );
}

function Scalar({ value }: { value: unknown }) {
  const [full, setFull] = useState(false);
  if (typeof value === "string") {
    const cut = !full && value.length > LONG_STRING;
    return (
      <span className="text-emerald-700 dark:text-emerald-400">
        &quot;<RichText text={cut ? value.slice(0, LONG_STRING) : value} />
        {cut && (
          <button type="button" onClick={() => setFull(true)} className="ml-1 rounded bg-zinc-200 px-1 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">
            … {value.length - LONG_STRING} more chars
          </button>
        )}
        &quot;
      </span>
    );
  }
  if (value === null || value === undefined) return <span className="text-zinc-400">null</span>;
  if (typeof value === "number") return <span className="text-indigo-700 dark:text-indigo-400">{String(value)}</span>;
  if (typeof value === "boolean") return <span className="text-amber-700 dark:text-amber-400">{String(value)}</span>;
  return <span>{String(value)}</span>;
}
