import { Select } from "@/components/ui/input";
import { GUARD_ACTIONS, GUARD_DIRECTIONS, GUARD_TYPE_LABELS, GUARD_TYPES, type GuardAction, type GuardDirection, type GuardType } from "@/lib/schemas/guard";

const ACTION_LABELS: Record<GuardAction, string> = { off: "Off", allow: "Report", mask: "Mask", block: "Block" };
const HINTS: Partial<Record<GuardType, string>> = {
  CUSTOM_PATTERN: "The custom patterns of Settings → Ingestion",
  PROMPT_INJECTION: "English and Korean override / jailbreak phrasings",
  SYSTEM_PROMPT_LEAK: "An echo of a registered system prompt (below)",
  DENIED_TERM: "Any of the denied terms (below)",
};

/** One row per finding type, one select per side: what the policy does when it finds one. */
export function GuardActionsTable({ value, onChange, disabled }: { value: Record<GuardDirection, Record<GuardType, GuardAction>>; onChange: (direction: GuardDirection, type: GuardType, action: GuardAction) => void; disabled: boolean }) {
  return (
    <table className="w-full text-sm" data-testid="guard-actions">
      <thead className="text-xs uppercase tracking-wide text-zinc-500">
        <tr>
          <th className="py-1.5 pr-2 text-left font-medium">Finding</th>
          <th className="w-32 px-2 py-1.5 text-left font-medium">Inputs</th>
          <th className="w-32 px-2 py-1.5 text-left font-medium">Outputs</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
        {GUARD_TYPES.map((type) => (
          <tr key={type}>
            <td className="py-1.5 pr-2">
              <span className="font-medium">{GUARD_TYPE_LABELS[type]}</span> <span className="font-mono text-xs text-zinc-400">{type}</span>
              {HINTS[type] && <span className="block text-xs text-zinc-500">{HINTS[type]}</span>}
            </td>
            {GUARD_DIRECTIONS.map((direction) => (
              <td key={direction} className="px-2 py-1.5">
                <Select
                  aria-label={`${GUARD_TYPE_LABELS[type]} in ${direction}s`}
                  data-testid={`action-${direction}-${type}`}
                  className="h-8"
                  disabled={disabled}
                  value={value[direction][type]}
                  onChange={(e) => onChange(direction, type, e.target.value as GuardAction)}
                >
                  {GUARD_ACTIONS.map((a) => <option key={a} value={a}>{ACTION_LABELS[a]}</option>)}
                </Select>
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
