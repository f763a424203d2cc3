"use client";
import * as Menu from "@radix-ui/react-dropdown-menu";
import { Check, Columns3 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { ALWAYS_SHOWN, type ColumnId } from "./column-visibility";
import { COLUMN_LABELS } from "./columns";

type Props = { visible: readonly ColumnId[]; custom: boolean; onToggle: (id: ColumnId) => void; onReset: () => void };

/** Shows or hides explorer columns; the menu stays open so several can be changed in a row. */
export function ColumnPicker({ visible, custom, onToggle, onReset }: Props) {
  const shown = new Set(visible);
  return (
    <Menu.Root>
      <Menu.Trigger asChild>
        <Button variant="secondary" size="sm" data-testid="column-picker" title="Choose the table's columns">
          <Columns3 className="h-3.5 w-3.5" /> Columns
        </Button>
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content align="end" sideOffset={4} className="z-50 min-w-48 rounded-md border border-zinc-200 bg-white p-1 text-sm shadow-lg dark:border-zinc-800 dark:bg-zinc-900">
          {(Object.entries(COLUMN_LABELS) as [ColumnId, string][]).map(([id, label]) => (
            <Menu.CheckboxItem
              key={id} checked={shown.has(id)} disabled={ALWAYS_SHOWN.has(id)} data-testid={`column-toggle-${id}`}
              onSelect={(e) => { e.preventDefault(); onToggle(id); }}
              className="flex cursor-pointer items-center gap-2 rounded px-2 py-1 outline-none data-[disabled]:cursor-default data-[disabled]:text-zinc-400 data-[highlighted]:bg-zinc-100 dark:data-[highlighted]:bg-zinc-800"
            >
              <span className="flex h-4 w-4 items-center justify-center"><Menu.ItemIndicator><Check className="h-3.5 w-3.5" /></Menu.ItemIndicator></span>
              {label}
            </Menu.CheckboxItem>
          ))}
          <Menu.Separator className="my-1 h-px bg-zinc-200 dark:bg-zinc-800" />
          <Menu.Item disabled={!custom} onSelect={onReset} className="cursor-pointer rounded px-2 py-1 text-xs text-zinc-600 outline-none data-[disabled]:cursor-default data-[disabled]:text-zinc-400 data-[highlighted]:bg-zinc-100 dark:text-zinc-300 dark:data-[highlighted]:bg-zinc-800">
            Reset to the defaults for this screen width
          </Menu.Item>
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
