import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

interface Props {
  summary: string;
  class?: string;
  children: ComponentChildren;
}

/** A <details> whose content is rendered only once it is opened, so hundreds of folds cost almost nothing. */
export function Fold({ summary, class: className, children }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <details class={className} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{summary}</summary>
      {open && children}
    </details>
  );
}
