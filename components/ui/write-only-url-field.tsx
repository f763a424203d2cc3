"use client";
import { Button } from "./button";
import { Input, Label } from "./input";

type Props = {
  id: string;
  label: string;
  /** The saved value as the server shows it (masked), or null when none is saved. */
  saved: string | null;
  /** Whether a new URL is being typed over a saved one (the caller holds it, to reset it after saving). */
  replacing: boolean;
  onReplacingChange: (replacing: boolean) => void;
  /** Form field name of the new URL (uncontrolled forms); absent from the form while the saved one is kept. */
  name?: string;
  placeholder?: string;
  required?: boolean;
  value?: string;
  onChange?: (value: string) => void;
};

/**
 * A URL that is a secret once saved (a webhook): the server shows it only masked, so the field
 * shows that, read-only, with "Replace" to type a new one. Until then the form sends no URL and
 * the stored one stays; "Keep saved" goes back to it.
 */
export function WriteOnlyUrlField({ id, label, saved, replacing, onReplacingChange, name, placeholder, required, value, onChange }: Props) {
  if (saved !== null && !replacing) {
    return (
      <div>
        <Label htmlFor={id}>{label}</Label>
        <div className="flex gap-2">
          <Input id={id} value={saved} readOnly aria-describedby={`${id}-hint`} className="text-zinc-500" />
          <Button variant="secondary" onClick={() => onReplacingChange(true)}>Replace</Button>
        </div>
        <p id={`${id}-hint`} className="mt-1 text-xs text-zinc-500">Saved, and never shown in full again: it stays unless you replace it.</p>
      </div>
    );
  }
  const controlled = onChange ? { value: value ?? "", onChange: (e: { target: { value: string } }) => onChange(e.target.value) } : {};
  return (
    <div>
      <Label htmlFor={id}>{label}</Label>
      <div className="flex gap-2">
        <Input id={id} name={name} type="url" required={required} placeholder={placeholder} autoFocus={replacing} {...controlled} />
        {saved !== null && <Button variant="ghost" onClick={() => onReplacingChange(false)}>Keep saved</Button>}
      </div>
    </div>
  );
}
