import type { ComponentChildren } from 'preact';

interface Props {
  checked: boolean;
  /** Gets the input too, for a change that must be undone in place (a permission the browser refused). */
  onChange: (checked: boolean, input: HTMLInputElement) => void;
  /** The label: what is on when the switch is on. */
  children: ComponentChildren;
  disabled?: boolean | undefined;
  describedBy?: string | undefined;
}

/** An on/off choice, the same everywhere: a native checkbox with role="switch", named by its label, drawn as a toggle (theme.css). */
export function Switch({ checked, onChange, children, disabled, describedBy }: Props) {
  return (
    <label class="switch">
      <input
        type="checkbox"
        role="switch"
        checked={checked}
        disabled={disabled}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.currentTarget.checked, event.currentTarget)}
      />
      <span class="switch-label">{children}</span>
    </label>
  );
}
