interface Props {
  items: string[] | undefined;
  /** What is missing, e.g. "Rewards": shown as "Rewards not published". */
  missing: string;
}

/** A list of pack texts, or "… not published" when the pack leaves it out. */
export function TextList({ items, missing }: Props) {
  if (!items || items.length === 0) return <p class="muted not-published">{missing} not published</p>;
  return (
    <ul class="text-list">
      {items.map((item, i) => (
        <li key={i}>{item}</li>
      ))}
    </ul>
  );
}
