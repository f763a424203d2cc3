import { ShortcutLegend } from "./shortcut-legend";

export function InboxHeader({ canUpdate }: { canUpdate: boolean }) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-3">
      <div>
        <h1 className="text-xl font-semibold">Inbox</h1>
        <p className="text-sm text-zinc-500">Failing and suspicious traces, one item per trace. {canUpdate ? "" : "Read-only for your role."}</p>
      </div>
      <ShortcutLegend canUpdate={canUpdate} />
    </div>
  );
}
