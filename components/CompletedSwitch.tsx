import type { ComponentChildren } from 'preact';

interface Props {
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** The label; its text must say "completed". */
  children: ComponentChildren;
}

/** Completion is its own switch: checking objectives never completes a milestone by itself. */
export function CompletedSwitch({ checked, onChange, children }: Props) {
  return (
    <label class="switch">
      <input type="checkbox" role="switch" checked={checked} onChange={(event) => onChange(event.currentTarget.checked)} />
      <span class="switch-label">{children}</span>
    </label>
  );
}
